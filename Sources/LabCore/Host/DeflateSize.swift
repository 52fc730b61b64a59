/// How many bytes gzip makes of some data, without making them: the lab's files are text, so its
/// gzip keeps the data behind a marker (`Gzip`), and this gives the compressed file its real size
/// (for `ls -l`, `wc -c`, and what `docker build` sends). It runs deflate (RFC 1951) as gzip's
/// default level does: lazy LZ77 matching over a 32 KiB window (a match is only searched while
/// the previous one is shorter than 16 bytes, at most 128 candidates, 32 once a match of 8 is in
/// hand, stopping at 128 bytes), blocks of up to 16,383 symbols, each the cheapest of stored,
/// fixed and dynamic Huffman codes, and counts the bits. Ties in building the Huffman trees may
/// differ from zlib's, so a size can be off by a few bytes.
enum DeflateSize {
    /// The size of `gzip` output: a 10-byte header, the original name and a NUL when gzip stores
    /// one (`gzip FILE` does; a pipe and `gzip -n` do not), the deflate data, an 8-byte trailer.
    static func gzip(_ text: String, name: String? = nil) -> Int {
        10 + (name.map { $0.utf8.count + 1 } ?? 0) + deflate(Array(text.utf8)) + 8
    }

    /// One LZ77 symbol: a literal byte (dist 0) or a match of `length` bytes `dist` back.
    struct Symbol { var length: Int; var dist: Int }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
                           6145, 8193, 12289, 16385, 24577]
    static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order the code-length code's lengths are sent in (RFC 1951 3.2.7).
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func lengthCode(_ length: Int) -> Int { (lengthBase.lastIndex { $0 <= length } ?? 0) }
    static func distCode(_ dist: Int) -> Int { (distBase.lastIndex { $0 <= dist } ?? 0) }

    /// The deflate stream's size in bytes.
    static func deflate(_ data: [UInt8]) -> Int {
        let symbols = lz77(data)
        var bits = 0
        var start = 0
        repeat {
            let end = min(symbols.count, start + 16_383)
            let block = symbols[start..<end]
            let bytes = block.reduce(0) { $0 + ($1.dist == 0 ? 1 : $1.length) }
            bits += 3 + blockBits(block, storedBytes: bytes)
            start = end
        } while start < symbols.count
        return (bits + 7) / 8
    }

    /// The cheapest coding of one block, in bits (its 3 header bits aside).
    static func blockBits(_ block: ArraySlice<Symbol>, storedBytes: Int) -> Int {
        var lit = [Int](repeating: 0, count: 286), dist = [Int](repeating: 0, count: 30)
        var extra = 0
        for s in block {
            if s.dist == 0 { lit[s.length] += 1; continue }
            let l = lengthCode(s.length), d = distCode(s.dist)
            lit[257 + l] += 1
            dist[d] += 1
            extra += lengthExtra[l] + distExtra[d]
        }
        lit[256] += 1
        var fixed = extra
        for (code, n) in lit.enumerated() where n > 0 { fixed += n * (code < 144 ? 8 : code < 256 ? 9 : code < 280 ? 7 : 8) }
        fixed += dist.reduce(0, +) * 5
        let litLengths = huffmanLengths(lit, limit: 15), distLengths = huffmanLengths(dist, limit: 15)
        var dynamic = extra + treeBits(litLengths, distLengths)
        for (code, n) in lit.enumerated() { dynamic += n * litLengths[code] }
        for (code, n) in dist.enumerated() { dynamic += n * distLengths[code] }
        // A stored block is byte-aligned: at most 7 bits of padding, then LEN and NLEN.
        let stored = 7 + 32 + storedBytes * 8
        return min(fixed, dynamic, stored)
    }

    /// What a dynamic block's header costs: the counts, the code-length code, and both trees'
    /// lengths run-length coded with it (repeats of the previous length, runs of zeros).
    static func treeBits(_ lit: [Int], _ dist: [Int]) -> Int {
        let hlit = max(257, (lit.lastIndex { $0 > 0 } ?? 0) + 1), hdist = max(1, (dist.lastIndex { $0 > 0 } ?? 0) + 1)
        var codes: [(code: Int, extra: Int)] = []
        for lengths in [Array(lit.prefix(hlit)), Array(dist.prefix(hdist))] {
            var i = 0, previous = -1
            while i < lengths.count {
                let value = lengths[i]
                var run = 1
                while i + run < lengths.count && lengths[i + run] == value { run += 1 }
                var left = run
                if value == 0 {
                    while left >= 11 { let n = min(left, 138); codes.append((18, 7)); left -= n }
                    if left >= 3 { codes.append((17, 3)); left = 0 }
                } else {
                    if value != previous { codes.append((value, 0)); left -= 1 }
                    while left >= 3 { let n = min(left, 6); codes.append((16, 2)); left -= n }
                }
                for _ in 0..<left { codes.append((value, 0)) }
                previous = value
                i += run
            }
        }
        var freq = [Int](repeating: 0, count: 19)
        for c in codes { freq[c.code] += 1 }
        let lengths = huffmanLengths(freq, limit: 7)
        let hclen = max(4, (codeLengthOrder.lastIndex { lengths[$0] > 0 } ?? 0) + 1)
        return 14 + 3 * hclen + codes.reduce(0) { $0 + lengths[$1.code] + $1.extra }
    }

    /// Huffman code lengths for symbol frequencies, none longer than `limit` (a used symbol alone gets 1).
    static func huffmanLengths(_ freq: [Int], limit: Int) -> [Int] {
        var lengths = [Int](repeating: 0, count: freq.count)
        let used = freq.indices.filter { freq[$0] > 0 }
        if used.count == 1 { lengths[used[0]] = 1 }
        guard used.count > 1 else { return lengths }
        // Nodes: leaves first, then the merged ones; each remembers its parent.
        var weight = used.map { freq[$0] }, parent = [Int](repeating: -1, count: used.count)
        var queue = used.indices.sorted { (weight[$0], $0) < (weight[$1], $1) }
        var merged: [Int] = []
        func takeSmallest() -> Int {
            if let q = queue.first, merged.first.map({ weight[q] <= weight[$0] }) ?? true { return queue.removeFirst() }
            return merged.removeFirst()
        }
        while queue.count + merged.count > 1 {
            let a = takeSmallest(), b = takeSmallest()
            weight.append(weight[a] + weight[b])
            parent.append(-1)
            parent[a] = weight.count - 1
            parent[b] = weight.count - 1
            merged.append(weight.count - 1)
        }
        for (k, symbol) in used.enumerated() {
            var depth = 0, node = k
            while parent[node] >= 0 { depth += 1; node = parent[node] }
            lengths[symbol] = depth
        }
        // Too long: cut to the limit, then lengthen the longest codes still short of it until the
        // code is complete again (the Kraft sum back to 1).
        if lengths.max()! > limit {
            for s in used where lengths[s] > limit { lengths[s] = limit }
            var kraft = used.reduce(0) { $0 + (1 << (limit - lengths[$1])) }
            while kraft > 1 << limit {
                let s = used.filter { lengths[$0] < limit }.max { (lengths[$0], -freq[$0]) < (lengths[$1], -freq[$1]) }!
                kraft -= 1 << (limit - lengths[s] - 1)
                lengths[s] += 1
            }
        }
        return lengths
    }

    /// Lazy LZ77 as gzip's default level runs it.
    static func lz77(_ data: [UInt8]) -> [Symbol] {
        let window = 32_768 - 262, maxChain = 128, goodLength = 8, maxLazy = 16, niceLength = 128
        var head: [Int: Int] = [:]
        var previous = [Int](repeating: -1, count: data.count)
        func key(_ i: Int) -> Int? { i + 2 < data.count ? Int(data[i]) << 16 | Int(data[i + 1]) << 8 | Int(data[i + 2]) : nil }
        func insert(_ i: Int) -> Int {
            guard let k = key(i) else { return -1 }
            let h = head[k] ?? -1
            previous[i] = h
            head[k] = i
            return h
        }
        func longest(at i: Int, from candidate: Int, better than: Int) -> (Int, Int) {
            var best = than, bestStart = -1, chain = than >= goodLength ? maxChain >> 2 : maxChain
            var c = candidate
            let limit = min(258, data.count - i)
            while c >= 0 && i - c <= window && chain > 0 {
                var n = 0
                while n < limit && data[c + n] == data[i + n] { n += 1 }
                if n > best { best = n; bestStart = c; if n >= niceLength || n >= limit { break } }
                c = previous[c]
                chain -= 1
            }
            return (best, bestStart)
        }
        var out: [Symbol] = []
        var i = 0, matchLength = 2, matchStart = 0, pending = false
        while i < data.count {
            let candidate = insert(i)
            let prevLength = matchLength, prevStart = matchStart
            matchLength = 2
            if candidate >= 0 && prevLength < maxLazy && i - candidate <= window {
                let (n, start) = longest(at: i, from: candidate, better: prevLength)
                if start >= 0 { matchLength = n; matchStart = start }
                // A 3-byte match far back costs more than its literals.
                if matchLength == 3 && i - matchStart > 4096 { matchLength = 2 }
            }
            if prevLength >= 3 && matchLength <= prevLength {
                out.append(Symbol(length: prevLength, dist: i - 1 - prevStart))
                for j in (i + 1)..<(i - 1 + prevLength) { _ = insert(j) }
                i = i - 1 + prevLength
                pending = false
                matchLength = 2
            } else {
                if pending { out.append(Symbol(length: Int(data[i - 1]), dist: 0)) }
                pending = true
                i += 1
            }
        }
        if pending { out.append(Symbol(length: Int(data[data.count - 1]), dist: 0)) }
        return out
    }
}
