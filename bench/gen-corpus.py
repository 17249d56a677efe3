#!/usr/bin/env python3
"""Writes a Vietnamese ward news site for benchmarks: the same seed gives the same
bytes. Python 3 standard library only.

    bench/gen-corpus.py --articles N --out DIR [--seed S]

DIR/content/<section>/_index.md   seven sections, each with its Vietnamese title
DIR/content/<section>/<slug>.md    N articles with Hugo-style YAML front matter
DIR/content/images/anh-NN.png      20 photos, 1600x1067, shared by all articles
DIR/site.yml                       title and base URL

Each article has title, date (ISO 8601, +07:00, 2019-01-01 to 2026-09-30),
description, categories (its section), 2-4 tags, author and draft (1 % true),
then 3-6 paragraphs, about 3.3 KB in all, 1-3 photos as paragraphs holding only
![caption](/images/anh-NN.png "caption"), sometimes a heading, a list, a bold
name and a link to an earlier article. Text is NFC; slugs are ASCII.
"""

import argparse
import os
import random
import struct
import unicodedata
import zlib

SECTIONS = [
    ("tin-tuc", "Tin tức"),
    ("quoc-phong-an-ninh", "Quốc phòng – An ninh"),
    ("van-hoa-xa-hoi", "Văn hóa – Xã hội"),
    ("kinh-te", "Kinh tế"),
    ("thong-bao", "Thông báo"),
    ("xay-dung-dang", "Xây dựng Đảng"),
    ("do-thi-moi-truong", "Đô thị – Môi trường"),
]

BODIES = [
    "Đảng ủy phường", "UBND phường", "Ủy ban MTTQ Việt Nam phường", "Hội Cựu chiến binh phường",
    "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường", "Công an phường", "Ban Chỉ huy Quân sự phường",
    "Trạm Y tế phường", "Hội Người cao tuổi phường", "Hội Khuyến học phường", "Hội Chữ thập đỏ phường",
    "Chi bộ khu phố", "Ban Công tác Mặt trận khu dân cư", "Hội Nông dân phường",
]

EVENTS = [
    "Hội nghị sơ kết", "Hội nghị tổng kết", "Lễ ra quân", "Hội thi", "Lễ trao quà", "Lớp tập huấn",
    "Buổi tọa đàm", "Lễ phát động", "Buổi đối thoại", "Ngày hội", "Lễ kỷ niệm", "Hội nghị triển khai",
    "Lễ kết nạp đảng viên mới", "Đợt cao điểm", "Chương trình", "Lễ tuyên dương",
]

TOPICS = [
    "công tác dân vận", "cải cách hành chính", "chuyển đổi số", "phòng cháy, chữa cháy", "an toàn giao thông",
    "vệ sinh môi trường", "xây dựng đời sống văn hóa", "phòng, chống dịch bệnh", "tuyển chọn gọi công dân nhập ngũ",
    "khuyến học, khuyến tài", "chăm sóc người cao tuổi", "hỗ trợ hộ nghèo", "trật tự đô thị", "phòng, chống ma túy",
    "bình đẳng giới", "an sinh xã hội", "dân chủ ở cơ sở", "thu ngân sách", "quản lý đất đai",
    "nước sạch nông thôn", "hiến máu tình nguyện", "học tập và làm theo tư tưởng Hồ Chí Minh",
    "phổ biến, giáo dục pháp luật", "xây dựng khu phố văn minh", "bảo vệ an ninh Tổ quốc",
]

PLACES = [
    "hội trường UBND phường", "nhà văn hóa khu phố {n}", "Trường Tiểu học Lê Lợi", "Trường THCS Nguyễn Huệ",
    "sân vận động phường", "trụ sở Công an phường", "tuyến đường Trần Phú", "công viên bờ sông",
    "chợ An Hòa", "nhà thi đấu quận",
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Trương", "Đinh"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Hữu", "Thu", "Kim", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan",
         "Long", "Mai", "Nam", "Nga", "Nhung", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
         "Vân", "Yến"]
ROLES = ["Bí thư Đảng ủy phường", "Chủ tịch UBND phường", "Phó Chủ tịch UBND phường",
         "Chủ tịch Ủy ban MTTQ Việt Nam phường", "Trưởng Công an phường", "Chỉ huy trưởng Ban Chỉ huy Quân sự phường",
         "Bí thư Đoàn phường", "Trưởng khu phố"]

OPENINGS = [
    "Thực hiện Kế hoạch số {num}/KH-UBND của UBND phường, {body} đã tổ chức {event_lower} về {topic}.",
    "Sáng ngày {day}/{month}, tại {place}, {body} long trọng tổ chức {event_lower} về {topic}.",
    "Nhằm triển khai hiệu quả {topic} trên địa bàn, {body} phối hợp với các đoàn thể tổ chức {event_lower}.",
    "Chiều ngày {day}/{month}, {body} tổ chức {event_lower} với sự tham dự của hơn {count} cán bộ, hội viên và Nhân dân.",
]
MIDDLES = [
    "Theo báo cáo, trong năm {year}, {body} đã hoàn thành {percent}% chỉ tiêu được giao về {topic}.",
    "Phát biểu tại buổi lễ, đồng chí {name} – {role} ghi nhận, biểu dương những kết quả mà {body} đạt được.",
    "Bên cạnh những kết quả đạt được, hội nghị cũng thẳng thắn chỉ ra một số tồn tại, hạn chế trong {topic}.",
    "Dịp này, {body} đã trao Giấy khen cho {small} tập thể và {count} cá nhân có thành tích xuất sắc.",
    "Công tác {topic} tiếp tục được quan tâm, chỉ đạo sát sao; tỷ lệ hồ sơ nộp trực tuyến tăng rõ rệt so với năm trước.",
    "Đây là hoạt động thiết thực, góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2020–2025.",
    "Các đại biểu đã tập trung thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với thực tiễn của từng khu phố.",
    "Qua đó, nhận thức của cán bộ, đảng viên và Nhân dân về {topic} ngày càng được nâng lên.",
    "Năm {year}, phường có {count} hộ gia đình đạt danh hiệu Gia đình văn hóa, tăng {small}% so với cùng kỳ.",
    "Trong thời gian tới, {body} tiếp tục đẩy mạnh tuyên truyền, vận động Nhân dân chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
]
CAPTIONS = [
    "Quang cảnh {event_lower}", "Đại biểu tham dự {event_lower}", "Đồng chí {name} phát biểu tại buổi lễ",
    "Trao Giấy khen cho các tập thể, cá nhân tiêu biểu", "Đoàn viên thanh niên ra quân dọn vệ sinh",
    "Lực lượng chức năng kiểm tra tại {place}", "Các hội viên chụp ảnh lưu niệm",
]
HEADINGS = ["Kết quả nổi bật", "Những tồn tại, hạn chế", "Nhiệm vụ trong thời gian tới", "Ý kiến của Nhân dân"]

TOPIC_TAGS = [t.split(",")[0].replace("tuyển chọn gọi công dân nhập ngũ", "tuyển quân") for t in TOPICS] + [
    "Đại hội Đảng", "Tết Nguyên đán", "ngày 27/7", "Quốc khánh 2/9", "mùa hè xanh", "hòa giải cơ sở",
    "phòng chống thiên tai", "bảo hiểm y tế", "người có công", "thanh niên tình nguyện", "văn nghệ quần chúng",
    "thể dục thể thao", "camera an ninh", "đường hoa", "chợ truyền thống", "doanh nghiệp nhỏ", "hộ kinh doanh",
    "vốn vay ưu đãi", "trẻ em", "phụ nữ khởi nghiệp", "sức khỏe cộng đồng", "tiêm chủng", "học bổng",
    "thư viện khu phố", "lễ hội", "di tích", "cây xanh", "rác thải nhựa", "thoát nước", "chiếu sáng đô thị",
]
TAGS = TOPIC_TAGS + [f"khu phố {n}" for n in range(1, 81)] + [f"năm {y}" for y in range(2019, 2027)]


def slug(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in text).split()
    return "-".join(words)


def name(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def fill(rng, template, facts):
    values = dict(facts)
    values.update(
        num=rng.randint(10, 480), day=rng.randint(1, 28), month=rng.randint(1, 12), count=rng.randint(20, 300),
        small=rng.randint(2, 15), percent=rng.randint(90, 130), name=name(rng), role=rng.choice(ROLES),
        place=rng.choice(PLACES).format(n=rng.randint(1, 80)))
    return template.format(**values)


def article(rng, facts, earlier):
    """The Markdown body: paragraphs, photos, sometimes a heading, a list, a link."""
    blocks = [fill(rng, rng.choice(OPENINGS), facts)]
    paragraphs = rng.randint(3, 6)
    photos = set(rng.sample(range(paragraphs), rng.randint(1, min(3, paragraphs))))
    for index in range(paragraphs):
        if index == paragraphs // 2 and rng.random() < 0.3:
            blocks.append("## " + rng.choice(HEADINGS))
        sentences = [fill(rng, rng.choice(MIDDLES), facts) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.25:
            sentences.insert(1, f"Cùng tham dự có đồng chí **{name(rng)}** – {rng.choice(ROLES)}.")
        if earlier and rng.random() < 0.2:
            section, target, title = rng.choice(earlier)
            sentences.append(f"Xem thêm: [{title}](/{section}/{target}/).")
        blocks.append(" ".join(sentences))
        if index in photos:
            caption = fill(rng, rng.choice(CAPTIONS), facts)
            blocks.append(f'![{caption}](/images/anh-{rng.randint(1, 20):02d}.png "{caption}")')
        if index == 1 and rng.random() < 0.2:
            blocks.append("\n".join(f"- {fill(rng, rng.choice(MIDDLES), facts)}" for _ in range(rng.randint(2, 4))))
    return "\n\n".join(blocks) + "\n"


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def png(width, height, seed):
    """A photo-sized PNG with bands of colour, written with zlib alone."""
    rng = random.Random(seed)
    colours = [bytes(rng.randrange(256) for _ in range(3)) for _ in range(8)]
    rows = []
    for y in range(height):
        band = colours[(y * 8) // height]
        shade = bytes((c + (y % 32)) % 256 for c in band)
        rows.append(b"\x00" + shade * (width // 2) + band * (width - width // 2))
    raw = zlib.compress(b"".join(rows), 6)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    content = os.path.join(options.out, "content")
    os.makedirs(os.path.join(content, "images"), exist_ok=True)
    with open(os.path.join(options.out, "site.yml"), "w", encoding="utf-8") as file:
        file.write("title: Cổng thông tin điện tử phường An Hòa\nbaseURL: https://anhoa.example.vn/\n")
    for number in range(1, 21):
        path = os.path.join(content, "images", f"anh-{number:02d}.png")
        if not os.path.exists(path):
            with open(path, "wb") as file:
                file.write(png(1600, 1067, number))
    for folder, title in SECTIONS:
        os.makedirs(os.path.join(content, folder), exist_ok=True)
        with open(os.path.join(content, folder, "_index.md"), "w", encoding="utf-8") as file:
            file.write(f"---\ntitle: {quoted(title)}\n---\n")
    taken = set()
    earlier = []
    start = 1546300800  # 2019-01-01 00:00 UTC
    span = 1790812800 - start  # to 2026-10-01
    for _ in range(options.articles):
        folder, section_title = rng.choice(SECTIONS)
        facts = {"body": rng.choice(BODIES), "topic": rng.choice(TOPICS)}
        event = rng.choice(EVENTS)
        facts["event_lower"] = event[0].lower() + event[1:]
        where = rng.choice(PLACES).format(n=rng.randint(1, 80))
        title = f"{event} {facts['topic']} tại {where}" if rng.random() < 0.5 else f"{facts['body']}: {event.lower()} {facts['topic']}"
        title = title[0].upper() + title[1:]
        moment = start + rng.randrange(span // 900) * 900
        days, seconds = divmod(moment + 7 * 3600, 86400)
        year, month, day = civil(days)
        facts["year"] = year
        stamp = f"{year:04d}-{month:02d}-{day:02d}T{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:00+07:00"
        base = slug(title)[:80].rstrip("-")
        name_ = base
        suffix = 2
        while (folder, name_) in taken:
            name_ = f"{base}-{suffix}"
            suffix += 1
        taken.add((folder, name_))
        tags = rng.sample(TOPIC_TAGS, rng.randint(1, 2))
        if rng.random() < 0.5:
            tags.append(f"khu phố {rng.randint(1, 80)}")
        if rng.random() < 0.5:
            tags.append(f"năm {year}")
        draft = rng.random() < 0.01
        description = fill(rng, rng.choice(OPENINGS), facts)
        front = [
            "---", f"title: {quoted(title)}", f"date: {stamp}", f"description: {quoted(description)}",
            f"categories: [{quoted(section_title)}]", "tags: [" + ", ".join(quoted(t) for t in tags) + "]",
            f"author: {quoted(name(rng))}", f"draft: {'true' if draft else 'false'}", "---", "",
        ]
        body = article(rng, facts, earlier)
        with open(os.path.join(content, folder, name_ + ".md"), "w", encoding="utf-8") as file:
            file.write(unicodedata.normalize("NFC", "\n".join(front) + body))
        if not draft:
            earlier.append((folder, name_, title))


def civil(days):
    """Year, month, day of a count of days since 1970-01-01."""
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    return year_of_era + era * 400 + (1 if month <= 2 else 0), month, day


if __name__ == "__main__":
    main()
