#!/usr/bin/env python3
"""Screenshots of a built site, to look at: each page at 390 and 1280 px in the light
and dark colour schemes (PNG), and each page printed to PDF as Chromium prints it.

    screenshots.py SITE_DIR OUT_DIR PAGE [PAGE ...]

`pdftoppm -png -r 50 OUT_DIR/<name>.pdf OUT_DIR/<name>-print` turns a print into
one PNG a page.
"""
import base64
import os
import sys

from headless import chromium, served


def main():
    site, out, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    with served(site) as address, chromium("--hide-scrollbars") as driver:
        for page in pages:
            name = page.strip("/").replace("/", "_") or "home"
            for scheme in ("light", "dark"):
                driver.execute_cdp_cmd(
                    "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
                )
                for width in (390, 1280):
                    driver.set_window_size(width, 900)
                    driver.get(address + page)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.execute_cdp_cmd(
                        "Emulation.setDeviceMetricsOverride",
                        {"width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": width < 600},
                    )
                    driver.save_screenshot(os.path.join(out, f"{name}-{width}-{scheme}.png"))
                    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
            driver.get(address + page)
            pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
            with open(os.path.join(out, f"{name}.pdf"), "wb") as file:
                file.write(base64.b64decode(pdf["data"]))
            print(f"{page}: 4 screenshots and a PDF in {out}")


if __name__ == "__main__":
    main()
