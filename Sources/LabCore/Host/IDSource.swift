/// A seedable source of pseudo-random numbers (SplitMix64) for ids and generated names, so the
/// same transcript always produces the same ids.
public struct IDSource: Codable, Sendable, Equatable, RandomNumberGenerator {
    /// The generator's whole state.
    public var state: UInt64

    public init(seed: UInt64 = 0x5EED_1AB0_0D0C_CE12) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A lowercase hexadecimal id of `length` characters (64 for container and image ids).
    public mutating func hexID(length: Int = 64) -> String {
        guard length > 0 else { return "" }
        let pairs = Self.digitPairs
        return String(unsafeUninitializedCapacity: length) { bytes in
            let base = bytes.baseAddress!
            var i = 0
            while i < length {
                var word = next()
                let n = min(16, length - i)
                // Each 64-bit word gives 16 digits, its lowest nibble first: two at a time from
                // `digitPairs` while two are left, then one.
                var k = 0
                while k + 1 < n {
                    let pair = pairs[Int(truncatingIfNeeded: word & 0xFF)]
                    base[i + k] = UInt8(truncatingIfNeeded: pair)
                    base[i + k + 1] = UInt8(truncatingIfNeeded: pair >> 8)
                    word >>= 8
                    k += 2
                }
                if k < n {
                    let d = UInt8(truncatingIfNeeded: word) & 0xF
                    base[i + k] = d < 10 ? 48 &+ d : 87 &+ d
                }
                i += n
            }
            return length
        }
    }

    /// For each byte, its low nibble's hex digit in the low 8 bits and its high nibble's above.
    private static let digitPairs: [UInt16] = (0..<256).map { (b: Int) -> UInt16 in
        func digit(_ d: Int) -> UInt16 { UInt16(d < 10 ? 48 + d : 87 + d) }
        return digit(b & 0xF) | digit(b >> 4) << 8
    }
}
