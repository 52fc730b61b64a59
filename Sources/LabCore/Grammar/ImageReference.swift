/// Docker image reference syntax (`[domain/]path[:tag][@digest]`), checked as the docker
/// client checks it for run, create, pull, push and tag (distribution/reference
/// ParseNormalizedNamed semantics; messages seen on the client, e.g. `docker run Nginx`).
/// Works on UTF-8 bytes: it runs for every `docker run`.
enum ImageReference {
    /// nil when valid, else the error text (without any `docker: ` prefix).
    static func error(_ s: String) -> String? {
        var copy = s
        return copy.withUTF8 { check($0) }
    }

    private static func check(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        var remainderStart = 0
        var domainEnd = -1   // -1: Docker Hub
        if let slash = b.firstIndex(of: 47) {
            let maybe = UnsafeBufferPointer(rebasing: b[0..<slash])
            let isLocalhost = String(decoding: maybe, as: UTF8.self) == "localhost"
            if isLocalhost || maybe.contains(46) || maybe.contains(58) || maybe.contains(where: isUpper) {
                domainEnd = slash
                remainderStart = slash + 1
                if String(decoding: maybe, as: UTF8.self) == "index.docker.io" || String(decoding: maybe, as: UTF8.self) == "docker.io" {
                    domainEnd = -2  // Docker Hub, written out
                }
            }
        }
        let remainder = UnsafeBufferPointer(rebasing: b[remainderStart..<n])
        let official = domainEnd < 0 && !remainder.contains(47)
        let remoteEnd = remainder.firstIndex(of: 58) ?? remainder.endIndex
        if remainder[remainder.startIndex..<remoteEnd].contains(where: isUpper) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: remainder[remainder.startIndex..<remoteEnd]), as: UTF8.self)
            return DockerMessages.repositoryMustBeLowercase((official ? "library/" : "") + name)
        }
        if domainEnd >= 0 && !isDomain(UnsafeBufferPointer(rebasing: b[0..<domainEnd])) {
            return DockerMessages.invalidReferenceFormat
        }
        guard isValidRemainder(remainder) else { return DockerMessages.invalidReferenceFormat }
        return digestError(remainder)
    }

    /// The digest's algorithm and length (sha256: 64, sha384: 96, sha512: 128 hex digits).
    static func digestError(_ r: UnsafeBufferPointer<UInt8>) -> String? {
        guard let at = r.firstIndex(of: 64) else { return nil }
        let digest = String(decoding: UnsafeBufferPointer(rebasing: r[(at + 1)..<r.endIndex]), as: UTF8.self)
        guard let colon = digest.firstIndex(of: ":") else { return nil }
        let hexCount = digest.utf8.count - digest.utf8.distance(from: digest.startIndex, to: colon) - 1
        let expected: Int
        switch digest[..<colon] {
        case "sha256": expected = 64
        case "sha384": expected = 96
        case "sha512": expected = 128
        default: return DockerMessages.unsupportedDigest
        }
        return hexCount == expected ? nil : DockerMessages.invalidDigestLength
    }

    /// Whether a valid reference names a tag or a digest (not just a repository).
    static func hasTagOrDigest(_ s: String) -> Bool {
        if s.contains("@") { return true }
        let afterSlash = s.lastIndex(of: "/").map { s[s.index(after: $0)...] } ?? s[...]
        return afterSlash.contains(":")
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    static func isLowerAlnum(_ c: UInt8) -> Bool { isDigit(c) || (c >= 97 && c <= 122) }
    static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || isUpper(c) }
    static func isWord(_ c: UInt8) -> Bool { isAlnum(c) || c == 95 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) }

    /// `path[:tag][@digest]`.
    static func isValidRemainder(_ r: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = r.endIndex
        if let at = r.firstIndex(of: 64) {
            let digest = r[(at + 1)..<r.endIndex]
            guard let colon = digest.firstIndex(of: 58) else { return false }
            let alg = digest[digest.startIndex..<colon], hex = digest[(colon + 1)..<digest.endIndex]
            guard let f = alg.first, isAlnum(f), !isDigit(f),
                  alg.allSatisfy({ isAlnum($0) || $0 == 45 || $0 == 95 || $0 == 43 || $0 == 46 }),
                  hex.count >= 32, hex.allSatisfy(isHex) else { return false }
            end = at
        }
        let name = r[r.startIndex..<end]
        let lastSlash = name.lastIndex(of: 47) ?? name.startIndex
        var pathEnd = end
        if let colon = name[lastSlash..<end].lastIndex(of: 58) {
            let tag = name[(colon + 1)..<end]
            guard let f = tag.first, isWord(f), tag.count <= 128,
                  tag.allSatisfy({ isWord($0) || $0 == 46 || $0 == 45 }) else { return false }
            pathEnd = colon
        }
        if pathEnd - r.startIndex > 255 { return false }
        var compStart = r.startIndex
        var i = r.startIndex
        while i <= pathEnd {
            if i == pathEnd || r[i] == 47 {
                if !isPathComponent(r[compStart..<i]) { return false }
                compStart = i + 1
            }
            i += 1
        }
        return true
    }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`.
    static func isPathComponent(_ p: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let f = p.first, let l = p.last, isLowerAlnum(f), isLowerAlnum(l) else { return false }
        var sepLen = 0
        var sepKind: UInt8 = 0
        for c in p {
            if isLowerAlnum(c) {
                if sepLen > 0 {
                    let ok = sepKind == 45 || (sepKind == 46 && sepLen == 1) || (sepKind == 95 && sepLen <= 2)
                    if !ok { return false }
                }
                sepLen = 0
            } else if c == 46 || c == 95 || c == 45 {
                if sepLen > 0 && c != sepKind { return false }
                sepKind = c
                sepLen += 1
            } else {
                return false
            }
        }
        return true
    }

    /// `host(.host)*[:port]` or `[ipv6][:port]`.
    static func isDomain(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        var hostEnd = d.endIndex
        if d.first == 91 {
            guard let close = d.firstIndex(of: 93) else { return false }
            let after = d[(close + 1)..<d.endIndex]
            if after.isEmpty { return true }
            return after.first == 58 && after.count > 1 && after.dropFirst().allSatisfy(isDigit)
        }
        if let colon = d.lastIndex(of: 58) {
            let port = d[(colon + 1)..<d.endIndex]
            guard !port.isEmpty, port.allSatisfy(isDigit) else { return false }
            hostEnd = colon
        }
        var start = d.startIndex
        var i = d.startIndex
        while i <= hostEnd {
            if i == hostEnd || d[i] == 46 {
                let comp = d[start..<i]
                guard let f = comp.first, let l = comp.last, isAlnum(f), isAlnum(l),
                      comp.allSatisfy({ isAlnum($0) || $0 == 45 }) else { return false }
                start = i + 1
            }
            i += 1
        }
        return true
    }
}
