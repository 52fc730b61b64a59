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
        return String(unsafeUninitializedCapacity: length) { bytes in
            let base = bytes.baseAddress!
            var i = 0
            while i < length {
                var word = next()
                let n = min(16, length - i)
                for k in 0..<n {
                    let d = UInt8(truncatingIfNeeded: word) & 0xF
                    base[i + k] = d < 10 ? 48 &+ d : 87 &+ d
                    word >>= 4
                }
                i += n
            }
            return length
        }
    }
}
