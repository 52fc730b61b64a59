/// A tar archive (POSIX ustar) as the lab's files hold it: 512-byte headers in ASCII, the files'
/// bytes, NUL padding and two closing blocks, kept in a String (the lab's files are text, and a
/// tar of text files is valid UTF-8). `tar`, `docker save` and `docker load`, and the builder's
/// ADD of a local archive read and write it. gzip is stood in for by a marker (`Gzip`).
struct TarArchive: Equatable {
    /// One member: a file with its text, or a folder (its name ends in "/").
    struct Entry: Equatable {
        var name: String
        var data: String?
        var isDirectory: Bool { data == nil }
    }

    var entries: [Entry] = []

    /// Why an archive could not be read.
    enum ReadError: Error { case unexpectedEOF, notTar }

    /// The longest member name a ustar header holds here (no GNU long-name entries).
    static let maxName = 100

    /// The archive's bytes.
    func encoded(mtime: Int = 1_577_836_800) -> String {
        var out: [UInt8] = []
        for e in entries {
            let body = Array((e.data ?? "").utf8)
            out += Self.header(name: e.isDirectory && !e.name.hasSuffix("/") ? e.name + "/" : e.name, size: body.count,
                               directory: e.isDirectory, mtime: mtime)
            out += body
            if body.count % 512 != 0 { out += [UInt8](repeating: 0, count: 512 - body.count % 512) }
        }
        out += [UInt8](repeating: 0, count: 1024)
        return String(decoding: out, as: UTF8.self)
    }

    static func header(name: String, size: Int, directory: Bool, mtime: Int) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (k, b) in text.utf8.prefix(width).enumerated() { h[offset + k] = b }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        put(name, at: 0, width: 100)
        put(octal(directory ? 0o755 : 0o644, width: 8), at: 100, width: 7)
        put(octal(0, width: 8), at: 108, width: 7)
        put(octal(0, width: 8), at: 116, width: 7)
        put(octal(size, width: 12), at: 124, width: 11)
        put(octal(mtime, width: 12), at: 136, width: 11)
        put("        ", at: 148, width: 8)
        h[156] = directory ? UInt8(ascii: "5") : UInt8(ascii: "0")
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        let sum = h.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7), at: 148, width: 6)
        h[154] = 0
        h[155] = UInt8(ascii: " ")
        return h
    }

    /// Reads an archive; a gzip stand-in is opened first.
    static func decode(_ text: String) throws(ReadError) -> TarArchive {
        try decode(bytes: Array((Gzip.decompressed(text) ?? text).utf8))
    }

    /// Reads an archive's bytes (what the docker client sends to `PUT /containers/{id}/archive`):
    /// ustar members with the prefix field, Go's PAX records (`x`: a `path` longer than a header
    /// holds; `g` global records are skipped) and GNU long names (`L`); links and devices are
    /// skipped; a real gzip member of text is kept as gzip's stand-in (`memberText`). `openEnd`: the archive may stop right after its last member's data, without the
    /// padding and closing blocks (what the docker client sends for a build whose Dockerfile lies
    /// outside the context: docker/cli's ReplaceFileTarWrapper stream; moby's tar reader takes it).
    static func decode(bytes: [UInt8], openEnd: Bool = false) throws(ReadError) -> TarArchive {
        var archive = TarArchive()
        var offset = 0
        var longName: String?
        while true {
            if openEnd && offset >= bytes.count && offset > 0 { return archive }
            guard offset + 512 <= bytes.count else { throw .unexpectedEOF }
            let block = bytes[offset..<offset + 512]
            if block.allSatisfy({ $0 == 0 }) { return archive }
            guard bytes[offset + 257..<offset + 262].elementsEqual("ustar".utf8) else { throw offset == 0 ? .notTar : .unexpectedEOF }
            func field(_ start: Int, _ width: Int) -> String {
                String(decoding: bytes[offset + start..<offset + start + width].prefix { $0 != 0 }, as: UTF8.self)
            }
            let prefix = field(345, 155)
            let name = prefix.isEmpty ? field(0, 100) : prefix + "/" + field(0, 100)
            let digits = field(124, 12).trimmingCharacters(in: .whitespaces)
            guard let size = Int(digits.isEmpty ? "0" : digits, radix: 8), size >= 0 else { throw .notTar }
            let type = bytes[offset + 156]
            offset += 512
            guard size <= bytes.count - offset else { throw .unexpectedEOF }
            let body = bytes[offset..<offset + size]
            offset += (size + 511) / 512 * 512
            switch type {
            case UInt8(ascii: "x"): longName = paxPath(body) ?? longName
            case UInt8(ascii: "L"): longName = String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
            case UInt8(ascii: "5"):
                archive.entries.append(Entry(name: longName ?? name, data: nil))
                longName = nil
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                archive.entries.append(Entry(name: longName ?? name, data: memberText(body)))
                longName = nil
            default: longName = nil
            }
        }
    }

    /// A member's data as the lab's files hold it: text, and a real gzip file of text (a client's
    /// `.tar.gz`) as gzip's stand-in around the inflated text.
    static func memberText(_ body: ArraySlice<UInt8>) -> String {
        if body.count > 18, body.first == 0x1F, body.dropFirst().first == 0x8B, let (data, name) = Inflate.gunzip(Array(body)),
           let text = String(validating: data, as: UTF8.self) {
            return Gzip.compressed(text, name: name)
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The `path` of a PAX extended header's records (`LEN path=VALUE\n`…).
    static func paxPath(_ body: ArraySlice<UInt8>) -> String? {
        var rest = body[...]
        while let space = rest.firstIndex(of: UInt8(ascii: " ")), let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)),
              length > 0, rest.count >= length {
            let record = rest[rest.index(after: space)..<rest.startIndex + length - 1]
            if record.starts(with: "path=".utf8) { return String(decoding: record.dropFirst(5), as: UTF8.self) }
            rest = rest[(rest.startIndex + length)...]
        }
        return nil
    }

    /// Writes a header's checksum again after a field was changed.
    static func fixChecksum(_ h: inout [UInt8]) {
        for k in 148..<156 { h[k] = 32 }
        let sum = h.prefix(512).reduce(0) { $0 + Int($1) }
        let digits = String(sum, radix: 8)
        let text = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        for (k, b) in text.utf8.enumerated() { h[148 + k] = b }
        h[154] = 0
        h[155] = 32
    }

    /// The members for a folder's contents, as `tar -C base NAME` adds them: the named file, or the
    /// folder and everything under it, in name order.
    static func entries(of name: String, base: String, files: VirtualFileSystem) -> [Entry]? {
        let path = VirtualFileSystem.normalise(name, cwd: base)
        guard files.node(at: path) != nil else { return nil }
        let member = name.hasPrefix("/") ? String(name.dropFirst()) : name
        guard files.isDirectory(path) else { return [Entry(name: member, data: files.contents(of: path) ?? "")] }
        var out = [Entry(name: member.hasSuffix("/") ? member : member + "/", data: nil)]
        for sub in files.subtree(at: path).sorted() where sub.count > path.count {
            let rel = member + (member.hasSuffix("/") ? "" : "/") + sub.dropFirst(path.count + (path == "/" ? 0 : 1))
            out.append(files.isDirectory(sub) ? Entry(name: rel + "/", data: nil) : Entry(name: rel, data: files.contents(of: sub) ?? ""))
        }
        return out
    }
}
