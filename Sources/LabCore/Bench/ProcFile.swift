import Foundation

/// The process's own /proc files (Linux), for `lab bench`'s readings: read to their end with
/// read(2), as their size reads as 0 and Foundation's String(contentsOfFile:) stops after the
/// first read.
public enum ProcFile {
    /// The file's text, or nil where it cannot be opened.
    public static func text(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
