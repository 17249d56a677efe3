#!/usr/bin/env python3
"""Draws the three stand-in photos of the sample article.

The ward's original photos are not available; these plain drawings stand in for
them and say so in large letters. Run once; the JPEGs are committed.

    pip install Pillow && python3 scripts/make-standin-photos.py
"""
import os
import sys

from PIL import Image, ImageDraw, ImageFont

BUNDLE = "content/quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
W, H = 960, 640

PHOTOS = [
    ("anh-1-toan-canh-hoi-nghi.jpg", (38, 70, 110), "Toàn cảnh Hội nghị"),
    ("anh-2-phat-bieu-chi-dao.jpg", (96, 58, 40), "Phát biểu chỉ đạo"),
    ("anh-3-khen-thuong.jpg", (40, 92, 70), "Khen thưởng năm 2023"),
]


def draw(path, colour, subject):
    image = Image.new("RGB", (W, H), colour)
    pen = ImageDraw.Draw(image)
    # A soft vertical gradient, a stage and rows of seats, drawn as plain shapes.
    for y in range(H):
        shade = tuple(min(255, c + y // 8) for c in colour)
        pen.line([(0, y), (W, y)], fill=shade)
    pen.rectangle([80, 90, W - 80, 250], fill=(178, 34, 34))
    pen.rectangle([80, 250, W - 80, 270], fill=(120, 20, 20))
    for row in range(4):
        y = 340 + row * 62
        for seat in range(12):
            x = 70 + seat * 70 + (row % 2) * 20
            pen.ellipse([x, y, x + 44, y + 40], fill=(230, 230, 225))
    big = ImageFont.truetype(FONT, 46)
    small = ImageFont.truetype(FONT, 30)
    pen.text((W // 2, 150), "ẢNH THAY THẾ", font=big, fill=(255, 215, 0), anchor="mm")
    pen.text((W // 2, 210), subject, font=small, fill=(255, 255, 255), anchor="mm")
    pen.text((W // 2, H - 30), "Không phải ảnh gốc của phường Bắc Hồng", font=ImageFont.truetype(FONT, 22),
             fill=(255, 255, 255), anchor="mm")
    image.save(path, "JPEG", quality=62, optimize=True, progressive=True)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folder = os.path.join(root, BUNDLE)
    os.makedirs(folder, exist_ok=True)
    for name, colour, subject in PHOTOS:
        draw(os.path.join(folder, name), colour, subject)
        print(os.path.join(BUNDLE, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
