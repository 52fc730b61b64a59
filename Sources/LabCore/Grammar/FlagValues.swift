/// The flags a command line gave, by long name, each value in the order given (bools: "true" or
/// "false"). Read like a map from a name to its values (`options["env"]` is nil when `--env` was
/// not given). Kept as a short list of name–value pairs rather than a map of arrays: a command
/// line gives a handful of flags, so finding one by comparing names costs less than hashing it,
/// and parsing a line fills one buffer instead of a map and an array per flag.
public struct FlagValues: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable, Equatable {
        let name: String
        let value: String
    }

    /// The values in the order they were given.
    private(set) var entries: [Entry] = []
    /// One bit for each name given, chosen by its length and first byte: most questions a
    /// command asks are about flags not given, and a clear bit answers them without comparing.
    private var givenBits: UInt64 = 0

    /// The bit `givenBits` keeps for `name`.
    @inline(__always)
    private static func bit(_ name: String) -> UInt64 {
        1 << UInt64(truncatingIfNeeded: (name.utf8.count &* 7 &+ Int(name.firstUTF8Byte ?? 0)) & 63)
    }

    public init() {}

    /// Names with their values, as a map of arrays holds them.
    public init(dictionaryLiteral elements: (String, [String])...) {
        for (name, values) in elements {
            for value in values { append(name, value) }
        }
    }

    /// Whether no flag was given.
    public var isEmpty: Bool { entries.isEmpty }

    /// The names given, each once, in the order first given.
    public var keys: [String] {
        var names: [String] = []
        for e in entries where !names.contains(e.name) { names.append(e.name) }
        return names
    }

    /// Every value of `name` in order, or nil when it was not given.
    public subscript(name: String) -> [String]? {
        let values = self.values(name)
        return values.isEmpty ? nil : values
    }

    /// Every value of `name` in order (none when it was not given).
    public func values(_ name: String) -> [String] {
        guard givenBits & Self.bit(name) != 0 else { return [] }
        var values: [String] = []
        for e in entries where e.name.sameBytes(name) { values.append(e.value) }
        return values
    }

    /// The last value of `name`, or nil when it was not given.
    public func last(_ name: String) -> String? {
        guard givenBits & Self.bit(name) != 0 else { return nil }
        var i = entries.count
        while i > 0 {
            i -= 1
            if entries[i].name.sameBytes(name) { return entries[i].value }
        }
        return nil
    }

    /// Whether `name` was given.
    public func has(_ name: String) -> Bool { givenBits & Self.bit(name) != 0 && entries.contains { $0.name.sameBytes(name) } }

    /// Adds a value of `name` after those given so far.
    mutating func append(_ name: String, _ value: String) {
        if entries.isEmpty { entries.reserveCapacity(6) }
        entries.append(Entry(name: name, value: value))
        givenBits |= Self.bit(name)
    }

    /// Equal when every name has the same values in the same order (the order in which different
    /// flags were given does not count, as in a map).
    public static func == (a: FlagValues, b: FlagValues) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        return a.keys.allSatisfy { a.values($0) == b.values($0) }
    }
}
