import Foundation

/// What a camera writes into a photo, for tests that check none of it is published.
public enum CameraTags {
  public static let serial = "BANTIN-SERIAL-4711"
  public static let owner = "Nguyen Van A"

  /// Writes orientation 6 (stored sideways), make, model, serial, owner, GPS, XMP
  /// and IPTC into the JPEG at `path` with exiftool; returns exiftool's run.
  public static func write(into path: String) throws -> Run {
    try runProcess(
      "/usr/bin/exiftool",
      [
        "-q", "-overwrite_original", "-n", "-Orientation=6", "-Make=NIKON", "-Model=D7500",
        "-SerialNumber=\(serial)", "-OwnerName=\(owner)", "-GPSLatitude=21.0285", "-GPSLatitudeRef=N",
        "-GPSLongitude=105.8542", "-GPSLongitudeRef=E", "-XMP:Creator=\(owner)", "-IPTC:By-line=\(owner)", path,
      ])
  }

  /// The `Group:Tag` names exiftool (without -m, which hides EXIF in libvips'
  /// WebPs) reads from the file at `path`.
  public static func read(_ path: String) throws -> [String] {
    let read = try runProcess("/usr/bin/exiftool", ["-a", "-G1", "-s", "-n", path])
    return read.output.split(separator: "\n").map {
      String($0.prefix { $0 != ":" }.replacingOccurrences(of: " ", with: ""))
    }
  }
}
