/// What `bantin --help` says: each command's summary and description, and each
/// option's line, in both languages.
extension Say {
  public enum Help {
    // MARK: - bantin

    public static let bantin = Message(
      "Trình tạo trang tin tĩnh cho bản tin của chính quyền địa phương Việt Nam.",
      "A static news-site generator for Vietnamese local-government news.")
    public static let source = Message(
      "Thư mục của trang, chứa content/.", "The site folder, holding content/.")
    public static let verbose = Message("In ra từng bước đang làm.", "Print what each step does.")
    public static let quiet = Message(
      "Chỉ in các lỗi: không có dòng tiến độ, không có bảng tóm tắt.",
      "Print problems only: no progress line, no summary.")
    public static let lang = Message(
      "Ngôn ngữ của thông báo: vi hoặc en (mặc định: BANTIN_LANG, nếu không thì ngôn ngữ của trang).",
      "The language of messages: vi or en (default: BANTIN_LANG, else the site's language).")
    public static let output = Message(
      "Thư mục xuất (mặc định: <source>/public).", "The output folder (default: <source>/public).")

    // MARK: - build and check

    public static let build = Message(
      "Dựng trang vào thư mục xuất (mặc định là public/).",
      "Build the site into its output folder (public/ by default).")
    public static let buildDiscussion = Message(
      "Đọc content/, templates/, static/, data/ và site.yml trong thư mục của trang, dựng trang vào một thư mục tạm bên cạnh thư mục xuất rồi thay vào. Khi có tệp bị lỗi, mọi lỗi được in ra dạng đường-dẫn:dòng:cột: lỗi: nội dung, không tệp nào được ghi, và mã thoát là 1.",
      "Reads content/, templates/, static/, data/ and site.yml from the site folder and writes the site into a staging folder beside the output folder, then swaps it in. When any file has an error, every error is printed as path:line:col: error: message, nothing is written, and the exit status is 1."
    )
    public static let drafts = Message(
      "Đăng cả các bài có draft: true (bản nháp).", "Also publish articles marked draft: true.")
    public static let future = Message(
      "Đăng cả các bài có ngày trong tương lai.", "Also publish articles dated in the future.")
    public static let relativeURLs = Message(
      "Liên kết trang, kiểu và ảnh theo đường dẫn tương đối, ghi rõ index.html, để mở trang trực tiếp từ ổ đĩa.",
      "Link pages, styles and photos relative to each page, naming index.html, to open the output from disk.")
    public static let noCache = Message(
      "Dựng lại tất cả, bỏ qua và xoá bộ nhớ đệm (<thư mục chứa output>/.bantin-cache/).",
      "Build everything again, ignoring and removing the build cache (<output parent>/.bantin-cache/).")
    public static let markdownBudget = Message(
      "Dừng việc dựng khi phần Markdown của một tệp mất lâu hơn số giây này.",
      "Stop the build when the Markdown of one file takes longer than this to render.")
    public static let check = Message(
      "Dựng trang trong bộ nhớ và báo mọi lỗi, không ghi gì.",
      "Build the site in memory and report every problem, writing nothing.")
    public static let checkDiscussion = Message(
      "Báo, dạng đường-dẫn:dòng:cột: lỗi|cảnh báo: nội dung, những gì lệnh build báo (phần thông tin, ảnh thiếu, hai tệp cùng một địa chỉ), thêm các liên kết đến trang không có (lỗi), ảnh chưa có mô tả, từ viết tắt chưa biết và ảnh quá lớn (cảnh báo). Mã thoát là 1 khi có lỗi, 0 nếu không.",
      "Reports, as path:line:col: error|warning: message, what a build reports (front matter, missing images, two files at one URL) and also links to pages the site does not have (errors), images without alt text, unknown abbreviations and oversized photos (warnings). Exit status 1 when there is any error, 0 otherwise."
    )
    public static let checkDrafts = Message(
      "Kiểm tra cả các bài có draft: true.", "Also check articles marked draft: true.")
    public static let checkFuture = Message(
      "Kiểm tra cả các bài có ngày trong tương lai.", "Also check articles dated in the future.")

    // MARK: - new, init, theme

    public static let new = Message(
      "Tạo một bài nháp mới (một thư mục bài) và in ra đường dẫn của nó.",
      "Create a new draft article as a page bundle and print its path.")
    public static let newDiscussion = Message(
      "Ghi content/<chuyên mục>/<slug>/index.md với tiêu đề, ngày giờ hiện tại theo múi giờ của trang, slug làm từ tiêu đề và draft: true. Hãy để ảnh của bài trong cùng thư mục. Không bao giờ ghi đè một bài đã có.",
      "Writes content/<section>/<slug>/index.md with the title, today's date and time in the site's time zone, the slug made from the title, and draft: true. Put the article's photos in the same folder. Never replaces an existing article."
    )
    public static let title = Message(
      "Tiêu đề của bài, đặt trong ngoặc kép.", "The article's title, in quotes.")
    public static let section = Message(
      "Thư mục chuyên mục trong content/.", "The section folder under content/.")
    public static let initSite = Message(
      "Tạo một trang mới dựng được ngay, kèm hướng dẫn cho biên tập viên (HUONG-DAN.md).",
      "Create a new site that builds at once, with a guide for editors (HUONG-DAN.md).")
    public static let initDiscussion = Message(
      "Ghi site.yml (mọi cài đặt, có chú thích tiếng Việt), content/_index.md, một chuyên mục (content/tin-tuc/) có một bài mẫu và ảnh của nó, data/viet-tat.yml, .gitignore và HUONG-DAN.md vào DIR (mặc định là thư mục hiện tại; tạo mới nếu chưa có). Không ghi vào thư mục đã có tệp, trừ khi có --force.",
      "Writes site.yml (every setting, commented in Vietnamese), content/_index.md, a section (content/tin-tuc/) with a sample article and its photo, data/viet-tat.yml, .gitignore and HUONG-DAN.md into DIR (the current folder by default, made if missing). Refuses a folder that is not empty unless --force."
    )
    public static let initFolder = Message("Thư mục của trang mới.", "The new site's folder.")
    public static let initForce = Message(
      "Ghi vào thư mục đã có tệp (các tệp trùng tên bị thay).",
      "Write into a folder that is not empty (existing files are replaced).")
    public static let theme = Message("Làm việc với giao diện mặc định.", "Work with the default theme.")
    public static let themeExport = Message(
      "Ghi các mẫu trang, bảng kiểu và mã lệnh của giao diện mặc định vào một thư mục (templates/).",
      "Write the default theme's templates, stylesheet and script into a folder (templates/).")
    public static let themeExportDiscussion = Message(
      "templates/ của trang thay giao diện mặc định theo từng tệp: hãy xuất ra, sửa những gì cần, và xoá những tệp không sửa. Không bao giờ ghi đè một tệp, trừ khi có --force.",
      "A site's templates/ overrides the default theme file by file: export it, change what you need, and delete the files you did not change. Never replaces a file unless --force."
    )
    public static let themeFolder = Message("Nơi ghi giao diện.", "Where to write the theme.")
    public static let themeForce = Message("Thay các tệp đã có.", "Replace files that exist.")

    // MARK: - serve

    public static let serve = Message(
      "Xem trước trang: dựng trong bộ nhớ, phục vụ nó, dựng lại và tải lại trang sau mỗi thay đổi.",
      "Preview the site: build it into memory, serve it, rebuild and reload on every change.")
    public static let serveDiscussion = Message(
      "Không bao giờ ghi public/. Bài nháp và bài hẹn giờ được hiện, có ghi chú. Khi việc dựng bị lỗi, cửa sổ lệnh và mọi trang đang mở hiện các lỗi, và bản tốt gần nhất vẫn được phục vụ. Dừng bằng Ctrl-C.",
      "Never writes public/. Drafts and scheduled articles are shown, marked as such. When a build fails, the terminal and every open page show its errors, and the last good site stays served. Stop with Ctrl-C."
    )
    public static let port = Message(
      "Cổng để lắng nghe (0: bất kỳ cổng nào còn trống).", "The port to listen on (0: any free port).")
    public static let host = Message(
      "Địa chỉ để lắng nghe; máy khác truy cập được mọi địa chỉ trừ loopback (127.0.0.1).",
      "The address to listen on; other computers can reach anything but loopback.")
    public static let idleTimeout = Message(
      "Đóng các kết nối không hoạt động sau số giây này.", "Close connections idle for this many seconds.")
    public static let serveMarkdownBudget = Message(
      "Báo tệp có phần Markdown mất lâu hơn số giây này; bản tốt gần nhất vẫn được phục vụ.",
      "Report a file whose Markdown takes longer than this to render; the last good site stays served.")
    public static let serveDrafts = Message("Hiện các bài có draft: true.", "Show articles marked draft: true.")
    public static let serveFuture = Message(
      "Hiện các bài có ngày trong tương lai.", "Show articles dated in the future.")

    // MARK: - Publishing from git

    public static let hook = Message(
      "Đăng từ git: các hook dựng mỗi lần push và đăng nhánh một cách nguyên vẹn.",
      "Publish from git: hooks that build every push and publish the branch atomically.")
    public static let webRootForHooks = Message(
      "Thư mục gốc web: releases/ và liên kết current nằm ở đây.",
      "The web root: releases/ and the current link go here.")
    public static let branch = Message("Nhánh được đăng.", "The branch that is published.")
    public static let keep = Message("Số bản phát hành giữ lại.", "How many releases to keep.")
    public static let timeout = Message(
      "Số giây tối đa cho một lần dựng; quá thì dừng và từ chối lần push.",
      "Seconds a build may take before it is stopped and the push refused.")
    public static let hookVerbose = Message(
      "Nói thêm mỗi bước của việc dựng mất bao lâu.", "Also say how long each step of the build took.")
    public static let install = Message(
      "Ghi hook pre-receive và post-receive vào một kho git trần (bare) (hoặc, với --local, một hook pre-commit).",
      "Write pre-receive and post-receive hooks into a bare repository (or, with --local, a pre-commit hook).")
    public static let installDiscussion = Message(
      "Các hook gọi chương trình bantin này theo đường dẫn tuyệt đối. Một hook không do bantin ghi sẽ không bao giờ bị thay, trừ khi có --force.",
      "The hooks call this bantin binary by its absolute path. A hook bantin did not write is never replaced unless --force is given."
    )
    public static let repo = Message(
      "Kho git: kho trần trên máy chủ, hoặc với --local là bản sao của bạn.",
      "The repository: a bare one on the server, or with --local your clone.")
    public static let local = Message(
      "Cài hook pre-commit vào bản sao của bạn để kiểm tra trang trước mỗi lần commit.",
      "Install a pre-commit hook in your own clone that checks the staged site.")
    public static let installForce = Message(
      "Thay các hook không do bantin ghi.", "Replace hooks that bantin did not write.")
    public static let installWebRoot = Message(
      "Thư mục gốc web (không dùng với --local).", "The web root (not with --local).")
    public static let installVerbose = Message(
      "Cho các hook nói mỗi bước của việc dựng mất bao lâu.", "Have the hooks say how long each step of a build took.")
    public static let uninstall = Message(
      "Gỡ các hook bantin đã ghi; các hook khác được giữ nguyên.",
      "Remove the hooks bantin wrote; others are left alone.")
    public static let repository = Message("Kho git.", "The repository.")
    public static let bareRepository = Message("Kho git trần (bare).", "The bare repository.")
    public static let preReceive = Message(
      "Do hook pre-receive gọi: dựng commit được push, từ chối lần push nếu có lỗi.",
      "Called by the pre-receive hook: build the pushed commit, refuse the push if it fails.")
    public static let postReceive = Message(
      "Do hook post-receive gọi: đăng đầu nhánh thành một bản phát hành mới.",
      "Called by the post-receive hook: publish the branch's tip as a new release.")
    public static let publish = Message(
      "Đăng ngay đầu nhánh, như hook post-receive làm (lần cài đầu, khi cần khôi phục).",
      "Publish the branch's tip now, as the post-receive hook does (first install, recovery).")
    public static let preCommit = Message(
      "Do hook pre-commit gọi: kiểm tra trang đã stage, từ chối commit nếu có lỗi.",
      "Called by the pre-commit hook: check the staged site, refuse the commit if it has errors.")

    // MARK: - Releases and the cache

    public static let webRoot = Message("Thư mục gốc web.", "The web root.")
    public static let releases = Message(
      "Liệt kê các bản phát hành của một thư mục gốc web, cũ nhất trước, và bản nào đang chạy.",
      "List the releases of a web root, oldest first, and which is live.")
    public static let rollback = Message(
      "Đưa trang đang chạy về bản phát hành trước đó (hoặc bản được chỉ định), một cách nguyên vẹn.",
      "Point the live site back at the previous (or a named) release, atomically.")
    public static let rollbackTo = Message(
      "Bản phát hành muốn quay về (xem bantin releases).", "The release to go back to (see bantin releases).")
    public static let cache = Message(
      "Chăm sóc bộ nhớ đệm của ảnh đã xử lý.", "Look after the cache of processed photos.")
    public static let prune = Message(
      "Xoá các ảnh đã xử lý mà trang không còn dùng.", "Remove processed photos the site no longer uses.")
    public static let pruneDiscussion = Message(
      "Ảnh được xử lý một lần rồi giữ theo nội dung trong .bantin-cache/.derived/ bên cạnh thư mục xuất (với các hook git là .bantin-cache/.derived/ của thư mục gốc web). Lệnh này xoá mọi kết quả mà các tệp của trang không còn cần (ảnh đã xoá, đã thay hoặc đăng với cài đặt khác), tính cả bài nháp và bài hẹn giờ là đang dùng. Các trang đã đăng và các bản phát hành giữ nguyên tệp của chúng. Khi trang có lỗi, không gì bị xoá.",
      "Photos are processed once and kept by content in .bantin-cache/.derived/ beside the output folder (a web root's .bantin-cache/.derived/ for the git hooks). This removes every result the site's files no longer ask for (photos deleted, replaced or published at other settings), counting drafts and scheduled articles as used. Published sites and releases keep their files. With an error in the site, nothing is removed."
    )
    public static let pruneWebRoot = Message(
      "Dọn bộ nhớ đệm của một thư mục gốc web theo bản checkout của nó (kho của các hook git).",
      "Prune a web root's cache against its checkout (the git hooks' store).")
    public static let version = Message(
      "In phiên bản của bantin, commit mà nó được dựng từ đó, và phiên bản các thư viện.",
      "Print bantin's version, the commit it was built from, and its libraries' versions.")

    /// The words of the help text that the argument parser writes itself, as it
    /// writes them in English.
    public static let parserWords: [Message] = [
      Message("TỔNG QUAN:", "OVERVIEW:"),
      Message("CÁCH DÙNG:", "USAGE:"),
      Message("ĐỐI SỐ:", "ARGUMENTS:"),
      Message("TÙY CHỌN:", "OPTIONS:"),
      Message("LỆNH CON:", "SUBCOMMANDS:"),
      Message("Xem 'bantin help <lệnh con>' để biết chi tiết.", "See 'bantin help <subcommand>' for detailed help."),
      Message("Hiện phiên bản.", "Show the version."),
      Message("Hiện hướng dẫn này.", "Show help information."),
      Message("(mặc định: ", "(default: "),
      Message("Lỗi: ", "Error: "),
      Message("Giúp:  ", "Help:  "),
      Message("Cách dùng: ", "Usage: "),
      Message("' để biết thêm.", "' for more information."),
      Message("  Xem '", "  See '"),
      Message("Thiếu đối số '", "Missing expected argument '"),
      Message("Không có tùy chọn '", "Unknown option '"),
      Message("Thiếu giá trị cho '", "Missing value for '"),
      Message("Thừa đối số '", "Unexpected argument '"),
      Message("' không hợp lệ cho '", "' is invalid for '"),
      Message("Giá trị '", "The value '"),
    ]
  }
}
