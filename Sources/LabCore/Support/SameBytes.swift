extension String {
    /// Whether the two strings are equal, their UTF-8 lengths compared first: most unequal pairs
    /// are answered without the standard library's full comparison, which `==` calls whenever
    /// the two differ at all. (Canonically equivalent texts of different lengths count as
    /// different here, as Go's byte comparison counts them.) The hot lookups by name and id use it.
    @inline(__always)
    func sameBytes(_ other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
    }
}

extension String {
    /// The first byte of the text's UTF-8, or nil when it is empty: read through the view's
    /// subscript, which inlines, where `utf8.first` is a call on every use in a hot loop.
    @inline(__always)
    var firstUTF8Byte: UInt8? {
        let u = utf8
        return u.isEmpty ? nil : u[u.startIndex]
    }
}
