/// Reads real gzip data (RFC 1952 around RFC 1951's DEFLATE), for the files a real client sends
/// into the lab (a build context's `.tar.gz` that ADD unpacks): the lab keeps a compressed file
/// as its text behind `Gzip`'s marker, so what arrives compressed is inflated once and stored so.
/// Only decoding; nil for anything malformed.
enum Inflate {
    /// The data of a gzip member and the file name its header carries, or nil when `bytes` is not gzip.
    static func gunzip(_ bytes: [UInt8]) -> (data: [UInt8], name: String?)? {
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { return nil }
        let flags = bytes[3]
        var i = 10
        if flags & 4 != 0 {
            guard i + 2 <= bytes.count else { return nil }
            i += 2 + Int(bytes[i]) | Int(bytes[i + 1]) << 8
        }
        var name: String?
        if flags & 8 != 0 {
            guard let end = bytes[i...].firstIndex(of: 0) else { return nil }
            name = String(decoding: bytes[i..<end], as: UTF8.self)
            i = end + 1
        }
        if flags & 16 != 0 {
            guard let end = bytes[i...].firstIndex(of: 0) else { return nil }
            i = end + 1
        }
        if flags & 2 != 0 { i += 2 }
        guard i < bytes.count, let data = inflate(Array(bytes[i...])) else { return nil }
        return (data, name)
    }

    /// Raw DEFLATE data decoded, or nil when it is malformed.
    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        var reader = BitReader(bytes: input)
        var out: [UInt8] = []
        while true {
            guard let final = reader.bits(1), let type = reader.bits(2) else { return nil }
            switch type {
            case 0:
                reader.alignToByte()
                guard let len = reader.bits(16), reader.bits(16) != nil, let bytes = reader.bytes(len) else { return nil }
                out += bytes
            case 1:
                guard decodeBlock(&reader, &out, Huffman(lengths: fixedLiteralLengths)!, Huffman(lengths: Array(repeating: 5, count: 30))!) else { return nil }
            case 2:
                guard let (literals, distances) = dynamicTables(&reader), decodeBlock(&reader, &out, literals, distances) else { return nil }
            default: return nil
            }
            if final == 1 { return out }
        }
    }

    static let fixedLiteralLengths: [Int] = Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
        + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A dynamic block's literal/length and distance codes.
    static func dynamicTables(_ r: inout BitReader) -> (Huffman, Huffman)? {
        guard let hlit = r.bits(5), let hdist = r.bits(5), let hclen = r.bits(4) else { return nil }
        var codeLengths = Array(repeating: 0, count: 19)
        for k in 0..<(hclen + 4) {
            guard let v = r.bits(3) else { return nil }
            codeLengths[codeLengthOrder[k]] = v
        }
        guard let codeLengthCode = Huffman(lengths: codeLengths) else { return nil }
        var lengths: [Int] = []
        let total = hlit + 257 + hdist + 1
        while lengths.count < total {
            guard let symbol = codeLengthCode.decode(&r) else { return nil }
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let last = lengths.last, let n = r.bits(2) else { return nil }
                lengths += Array(repeating: last, count: 3 + n)
            case 17:
                guard let n = r.bits(3) else { return nil }
                lengths += Array(repeating: 0, count: 3 + n)
            default:
                guard let n = r.bits(7) else { return nil }
                lengths += Array(repeating: 0, count: 11 + n)
            }
        }
        guard lengths.count == total, let literals = Huffman(lengths: Array(lengths[..<(hlit + 257)])),
              let distances = Huffman(lengths: Array(lengths[(hlit + 257)...])) else { return nil }
        return (literals, distances)
    }

    /// Decodes one compressed block's symbols into `out`; false when malformed.
    static func decodeBlock(_ r: inout BitReader, _ out: inout [UInt8], _ literals: Huffman, _ distances: Huffman) -> Bool {
        while true {
            guard let symbol = literals.decode(&r) else { return false }
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return true }
            let l = symbol - 257
            guard l < lengthBase.count, let extra = r.bits(lengthExtra[l]), let d = distances.decode(&r), d < distanceBase.count,
                  let dExtra = r.bits(distanceExtra[d]) else { return false }
            let length = lengthBase[l] + extra, distance = distanceBase[d] + dExtra
            guard distance <= out.count else { return false }
            let start = out.count - distance
            for k in 0..<length { out.append(out[start + k]) }
        }
    }

    /// Bits read least significant first, as DEFLATE packs them.
    struct BitReader {
        let bytes: [UInt8]
        var position = 0
        var bitBuffer = 0
        var bitCount = 0

        mutating func bits(_ n: Int) -> Int? {
            while bitCount < n {
                guard position < bytes.count else { return nil }
                bitBuffer |= Int(bytes[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << n) - 1)
            bitBuffer >>= n
            bitCount -= n
            return value
        }

        mutating func alignToByte() {
            bitBuffer = 0
            bitCount = 0
        }

        mutating func bytes(_ n: Int) -> [UInt8]? {
            guard position + n <= bytes.count else { return nil }
            defer { position += n }
            return Array(bytes[position..<position + n])
        }
    }

    /// A canonical Huffman code from its code lengths, decoded bit by bit (counts per length and
    /// the symbols in code order, as zlib's puff does).
    struct Huffman {
        var counts = Array(repeating: 0, count: 16)
        var symbols: [Int] = []

        init?(lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = Array(repeating: 0, count: 16)
            for l in 1..<16 { offsets[l] = offsets[l - 1] + counts[l - 1] }
            symbols = Array(repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }

        func decode(_ r: inout BitReader) -> Int? {
            var code = 0, first = 0, index = 0
            for l in 1..<16 {
                guard let bit = r.bits(1) else { return nil }
                code |= bit
                let count = counts[l]
                if code - count < first { return symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            return nil
        }
    }
}
