import Foundation

/// How the running `lab` carries the Swift runtime, for `lab bench` to say beside its figures:
/// a build with `--static-swift-stdlib` calls the runtime (retain, release, allocation) directly,
/// a default build through the dynamic linker's tables, and the replay figure differs by about 8%.
public enum RuntimeLinkage: String, Sendable {
    case staticLinked = "static (--static-swift-stdlib)"
    case shared = "shared libraries (build with --static-swift-stdlib for the README's figures)"
    case unknown = "unknown"

    /// Read from the process's own memory map (Linux /proc/self/maps): the shared runtime is
    /// there as libswiftCore.so.
    public static func current(maps: String? = readWhole("/proc/self/maps")) -> RuntimeLinkage {
        guard let maps, !maps.isEmpty else { return .unknown }
        return maps.contains("/libswiftCore.so") ? .shared : .staticLinked
    }

    /// A /proc file to its end (its size reads as 0 and Foundation's String(contentsOfFile:) stops
    /// after the first read), or nil.
    public static func readWhole(_ path: String) -> String? {
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
