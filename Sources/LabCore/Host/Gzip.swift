/// gzip in the lab: a marker line before the data (the lab's files are text, so real deflate
/// bytes cannot be kept); gzip, gunzip, zcat, `tar -z` and the builder's ADD understand it. The
/// marker names the original file when gzip stores its name (`gzip FILE`, not a pipe or `-n`),
/// and a compressed file has the size real gzip would give it (DeflateSize), which every size
/// the lab shows uses (`FileSize`).
enum Gzip {
    static let marker = "\u{1F}\u{8B}lab-gzip\n"
    /// The marker's start when it names the file: `\u{1F}\u{8B}lab-gzip name=NAME\n`.
    static let namedMarker = "\u{1F}\u{8B}lab-gzip name="

    static func compressed(_ text: String, name: String? = nil) -> String {
        guard let name, !name.isEmpty, !name.contains("\n") else { return marker + text }
        return namedMarker + name + "\n" + text
    }

    /// The data of a compressed text, or nil when the text is not compressed.
    static func decompressed(_ text: String) -> String? {
        if text.hasPrefix(marker) { return String(text.dropFirst(marker.count)) }
        guard text.hasPrefix(namedMarker), let end = text.firstIndex(of: "\n") else { return nil }
        return String(text[text.index(after: end)...])
    }

    /// The size of the file real gzip would have written, or nil when the text is not compressed.
    static func size(_ text: String) -> Int? {
        guard text.utf8.first == 0x1F, let data = decompressed(text) else { return nil }
        var name: String?
        if text.hasPrefix(namedMarker), let end = text.firstIndex(of: "\n") {
            name = String(text[text.index(text.startIndex, offsetBy: namedMarker.count)..<end])
        }
        return DeflateSize.gzip(data, name: name)
    }
}

/// The size of a file of the lab as a real one would have: its bytes, or for gzip's stand-in
/// the compressed size.
enum FileSize {
    static func of(_ text: String) -> Int { Gzip.size(text) ?? text.utf8.count }
}
