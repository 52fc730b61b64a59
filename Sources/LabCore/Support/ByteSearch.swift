/// Substring search over UTF-8 bytes, as Go's strings.Contains does it. These overloads are
/// chosen over Foundation's `contains` (which goes through NSString and was a visible share of
/// each simulated command's time); for the text docker handles the answers are the same.
extension String {
    /// Whether `other` occurs in the text, byte for byte.
    @inlinable func contains(_ other: String) -> Bool { ByteSearch.contains(utf8, other.utf8) }
}

extension Substring {
    /// Whether `other` occurs in the text, byte for byte.
    @inlinable func contains(_ other: String) -> Bool { ByteSearch.contains(utf8, other.utf8) }
}

/// The byte search behind `contains`.
@usableFromInline enum ByteSearch {
    @usableFromInline static func contains<Haystack: Collection, Needle: Collection>(_ haystack: Haystack, _ needle: Needle) -> Bool
    where Haystack.Element == UInt8, Needle.Element == UInt8 {
        guard let first = needle.first else { return true }
        if needle.count == 1 { return haystack.contains(first) }
        let rest = needle.dropFirst()
        var i = haystack.startIndex
        while i != haystack.endIndex {
            if haystack[i] == first {
                var h = haystack.index(after: i)
                var n = rest.startIndex
                while n != rest.endIndex, h != haystack.endIndex, haystack[h] == rest[n] {
                    h = haystack.index(after: h)
                    n = rest.index(after: n)
                }
                if n == rest.endIndex { return true }
                if h == haystack.endIndex { return false }
            }
            i = haystack.index(after: i)
        }
        return false
    }
}

extension String {
    /// The first `byte` (an ASCII character other than CR and LF, which combine with each other)
    /// found on the bytes when the text is all ASCII, where every character is one byte; else
    /// found character by character. The same index `firstIndex(of:)` gives.
    func firstIndex(ascii byte: UInt8) -> Index? {
        let u = utf8
        if isPlainASCII { return u.firstIndex(of: byte) }
        return firstIndex(of: Character(Unicode.Scalar(byte)))
    }
}

extension String {
    /// The last `byte` (an ASCII character other than CR and LF), found as `firstIndex(ascii:)` finds
    /// the first: the same index `lastIndex(of:)` gives.
    func lastIndex(ascii byte: UInt8) -> Index? {
        let u = utf8
        if isPlainASCII { return u.lastIndex(of: byte) }
        return lastIndex(of: Character(Unicode.Scalar(byte)))
    }
}

extension String {
    /// Whether every byte of the text is ASCII (checked over its contiguous bytes).
    var isPlainASCII: Bool {
        var text = self
        return text.withUTF8 { b in
            let raw = UnsafeRawBufferPointer(b)
            var i = 0
            while i + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }
}

extension String {
    /// Byte-wise order of the UTF-8 texts (`utf8.lexicographicallyPrecedes`), compared over the
    /// contiguous bytes: how Go and `ls` in the C locale sort names.
    func utf8Precedes(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { p in
            b.withUTF8 { q in
                let n = Swift.min(p.count, q.count)
                var i = 0
                while i < n {
                    if p[i] != q[i] { return p[i] < q[i] }
                    i += 1
                }
                return p.count < q.count
            }
        }
    }
}

extension String {
    /// `String(prefix(n))`: cut on the bytes when the first n + 1 bytes are ASCII other than CR
    /// (then no character spans two of them, so the first n characters are the first n bytes).
    func characterPrefix(_ n: Int) -> String {
        // n bytes or fewer are n characters or fewer: the whole text.
        if utf8.count <= n { return self }
        var text = self
        let cut = text.withUTF8 { b -> String? in
            for i in 0...n where b[i] >= 0x80 || b[i] == 13 { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[..<n]), as: UTF8.self)
        }
        return cut ?? String(prefix(n))
    }
}

extension String {
    /// Whether any character is uppercase (`contains(where: \.isUppercase)`): on the bytes when
    /// the text is all ASCII, where only A to Z are uppercase; character by character otherwise.
    var containsUppercase: Bool {
        var text = self
        let ascii = text.withUTF8 { b -> Bool? in
            var upper = false
            for c in b {
                if c >= 0x80 { return nil }
                if c >= 0x41 && c <= 0x5A { upper = true }
            }
            return upper
        }
        return ascii ?? contains(where: \.isUppercase)
    }
}
