import BantinTheme

/// The files `bantin init` writes: a site that builds at once, in Vietnamese, for a
/// ward's editors, and `HUONG-DAN.md`, their one-page guide. The sample article's
/// photo is made on the I/O side (`StarterSite.photo` names it).
public enum StarterSite {
  /// The sample article's photo, made by libvips when the site is created.
  public static let photo = "content/tin-tuc/chao-mung/anh-hoi-truong.jpg"

  /// The default theme's files, by their path inside `templates/` (`bantin theme export`).
  public static var themeFiles: [(path: String, bytes: [UInt8])] {
    DefaultTheme.files.map { ($0.key, $0.value) }.sorted { $0.path < $1.path }
  }

  /// Every text file of a new site, by its path inside the site's folder.
  public static func files(date: String) -> [(path: String, text: String)] {
    [
      ("site.yml", siteYML),
      (".gitignore", "# Những gì bantin tạo ra, không đưa vào git\npublic/\n.bantin-cache/\n"),
      ("content/_index.md", home),
      ("content/tin-tuc/_index.md", section),
      ("content/tin-tuc/chao-mung/index.md", article(date: date)),
      ("data/viet-tat.yml", glossary),
      ("HUONG-DAN.md", guide),
    ]
  }

  static let siteYML = """
    # Cài đặt của trang. Dòng bắt đầu bằng # là lời ghi chú, bantin bỏ qua.
    # Bỏ dấu # ở đầu một dòng để dùng cài đặt đó.

    # Tên trang, hiện ở đầu mọi trang và trên thẻ trình duyệt.
    title: Cổng thông tin điện tử phường Mới
    # Một câu giới thiệu trang.
    description: Tin tức, sự kiện và thông báo của phường.
    # Địa chỉ trang khi đã đăng lên mạng (cần cho RSS, sitemap và ảnh chia sẻ Facebook, Zalo).
    baseURL: https://phuong.example.vn/
    # Ngôn ngữ: vi là tiếng Việt.
    language: vi
    # Múi giờ để hiện ngày giờ bài viết.
    timeZone: Asia/Ho_Chi_Minh
    # Cơ quan chủ quản trang.
    publisher: UBND phường Mới

    # Số bài trên một trang danh sách.
    # pageSize: 10
    # Có trang tìm kiếm hay không (true: có, false: không).
    # search: true

    # Ảnh: các bề rộng (điểm ảnh) bantin làm cho mỗi ảnh, và chất lượng nén.
    # photoWidths: [480, 960, 1600]
    # photoQuality: 80
    # Đăng cả ảnh gốc (đã xoá thông tin vị trí, máy chụp).
    # publishOriginalPhotos: false

    # Màu và biểu trưng của trang (màu viết trong ngoặc kép, dạng "#0b4f8a").
    # theme:
    #   masthead: "#a4161a"        # màu dải đầu trang
    #   accent: "#a4161a"          # màu nhấn: tên chuyên mục, trang đang xem
    #   logo: static/logo.png      # biểu trưng thay ngôi sao; làm cả biểu tượng trình duyệt

    # Liên kết thêm vào thanh chuyên mục.
    # menu:
    #   - title: Dịch vụ công
    #     url: https://dichvucong.gov.vn/

    # Chân trang: địa chỉ, điện thoại, thư điện tử, người chịu trách nhiệm nội dung.
    # footer:
    #   address: Số 1 phố Mới, quận Mới, Hà Nội
    #   phone: 024 3383 1234
    #   email: ubnd@phuongmoi.gov.vn
    #   responsible: Ông Nguyễn Văn A, Chủ tịch UBND phường
    #   lines: ["Giấy phép số …/GP-TTĐT"]

    # Địa chỉ bài viết của từng chuyên mục (như Hugo), ví dụ theo năm và tháng.
    # permalinks:
    #   tin-tuc: /:year/:month/:slug/

    # Giới hạn an toàn (thường không cần đổi).
    # maxArticleBytes: 1048576
    # maxPageBytes: 16777216
    # maxOutputBytes: 17179869184
    # maxOutputFiles: 1000000
    # photoMaxPixels: 100000000

    """

  static let home = """
    ---
    title: Trang chủ
    description: Tin tức, sự kiện và thông báo của phường.
    ---
    Chào mừng bạn đến với cổng thông tin điện tử của phường.

    """

  static let section = """
    ---
    title: Tin tức
    description: Tin tức, sự kiện của phường.
    weight: 1
    ---

    """

  static func article(date: String) -> String {
    """
    ---
    title: Phường khai trương cổng thông tin điện tử
    date: \(date)
    description: Từ hôm nay, tin tức và thông báo của phường được đăng trên cổng thông tin điện tử.
    categories: [Tin tức]
    tags: [cổng thông tin, chuyển đổi số]
    ---
    Sáng nay, UBND phường khai trương cổng thông tin điện tử. Đây là bài mẫu: hãy
    sửa hoặc xoá nó, rồi viết bài của bạn theo hướng dẫn trong `HUONG-DAN.md`.

    ![Toàn cảnh hội trường](anh-hoi-truong.jpg "Toàn cảnh hội trường (ảnh minh hoạ)")

    Mỗi đoạn văn cách nhau một dòng trống. Ảnh đặt cùng thư mục với bài, chú thích
    ảnh viết trong ngoặc kép sau tên ảnh.

    """
  }

  static let glossary = """
    # Từ viết tắt riêng của trang: mỗi dòng một từ, và nghĩa đầy đủ.
    # bantin đã biết sẵn UBND, HĐND, UBMTTQ, ANTQ, TTATGT, Đ/c… (xem trang /viet-tat/).
    # Lần đầu từ viết tắt xuất hiện trong bài, người đọc rê chuột hoặc máy đọc màn hình
    # sẽ thấy nghĩa đầy đủ.
    # BCĐ 138: Ban Chỉ đạo 138

    """

  static let guide = """
    # Hướng dẫn cho biên tập viên

    Trang của phường là các tệp văn bản trong thư mục này. bantin đọc chúng và làm ra
    trang web trong thư mục `public/`.

    ## Viết một bài

    Mở cửa sổ dòng lệnh trong thư mục trang và gõ:

    ```
    bantin new "Hội nghị tổng kết công tác năm 2024" --section tin-tuc
    ```

    bantin tạo thư mục `content/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2024/` với tệp
    `index.md`. Mở tệp đó bằng trình soạn thảo văn bản (Notepad++, VS Code…). Phần đầu,
    giữa hai dòng `---`, là thông tin của bài:

    ```
    ---
    title: Hội nghị tổng kết công tác năm 2024
    date: 2024-12-20T08:00:00+07:00
    description: Một câu tóm tắt bài, hiện dưới tiêu đề và khi chia sẻ lên Facebook, Zalo.
    categories: [Tin tức]
    tags: [hội nghị, tổng kết]
    author: Nguyễn Thị B
    draft: true
    ---
    ```

    - `title`: tiêu đề bài.
    - `date`: ngày giờ đăng, dạng năm-tháng-ngày (giờ có thể bỏ).
    - `description`: câu tóm tắt.
    - `categories`, `tags`: danh mục và từ khoá, trong ngoặc vuông, cách nhau dấu phẩy.
    - `author`: người viết.
    - `draft: true`: bài nháp, chưa đăng. Xoá dòng này (hoặc ghi `false`) khi bài đã xong.
    - `image`: ảnh đại diện khi chia sẻ (mặc định là ảnh đầu tiên của bài).

    Tiêu đề có dấu `:`, hoặc bắt đầu bằng `[`, `{`, `#`, `&`, `*`: đặt cả tiêu đề trong
    ngoặc kép, như `title: "Đảng ủy: Hội nghị"`. Tiêu đề có dấu `"` thì bao bằng dấu `'`,
    như `title: 'Phong trào "Toàn dân" năm 2024'`. Khi phần thông tin viết sai, bantin
    chỉ ra dòng, cột và cách sửa.

    Dưới dòng `---` thứ hai là nội dung bài. Mỗi đoạn văn cách nhau một dòng trống.
    Chữ đậm viết `**chữ đậm**`, chữ nghiêng `*chữ nghiêng*`, tiêu đề nhỏ bắt đầu bằng `## `.

    ## Thêm ảnh và chú thích

    Chép ảnh vào cùng thư mục với `index.md`, rồi viết trên một dòng riêng:

    ```
    ![Mô tả ảnh cho người không xem được](anh-1.jpg "Chú thích hiện dưới ảnh")
    ```

    Ảnh chụp bằng điện thoại dùng được ngay: bantin xoay đúng chiều, thu nhỏ và xoá
    thông tin vị trí, máy chụp trước khi đăng.

    ## Từ viết tắt

    UBND, HĐND, TTATGT… được giải nghĩa tự động lần đầu xuất hiện. Từ viết tắt riêng
    của phường ghi vào `data/viet-tat.yml`. Lệnh `bantin check` báo các từ viết hoa
    chưa có nghĩa.

    ## Xem trước

    ```
    bantin serve
    ```

    Mở trình duyệt ở địa chỉ bantin in ra (http://127.0.0.1:1313/). Mỗi lần lưu tệp,
    trang tự tải lại. Nếu bài có lỗi, trang xem trước hiện lỗi và dòng cần sửa.

    Kiểm tra cả trang (liên kết hỏng, ảnh thiếu mô tả):

    ```
    bantin check
    ```

    ## Đăng bài

    Trang được đăng khi bạn gửi thay đổi lên máy chủ bằng git:

    ```
    git add .
    git commit -m "Bài hội nghị tổng kết năm 2024"
    git push
    ```

    Máy chủ dựng lại trang. Nếu bài có lỗi, `git push` bị từ chối và in ra tệp, dòng,
    cột cần sửa; trang đang đăng không bị ảnh hưởng. Sửa lỗi rồi `git push` lại.

    """
}
