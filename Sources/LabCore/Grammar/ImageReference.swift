/// Docker image reference syntax (`[domain/]path[:tag][@digest]`), checked as the docker
/// client checks it for run, create, pull, push and tag (distribution/reference
/// ParseNormalizedNamed semantics; messages seen on the client, e.g. `docker run Nginx`).
enum ImageReference {
    /// nil when valid, else the error text (without any `docker: ` prefix).
    static func error(_ s: String) -> String? {
        if s.utf8.count == 64 && s.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
            return DockerMessages.hexRepositoryName(s)
        }
        var domain = "docker.io"
        var remainder: Substring
        if let slash = s.firstIndex(of: "/") {
            let maybe = s[..<slash], rest = s[s.index(after: slash)...]
            if maybe == "localhost" || maybe.contains(".") || maybe.contains(":") || maybe.lowercased() != maybe {
                domain = String(maybe)
                remainder = rest
                if maybe == "index.docker.io" { domain = "docker.io" }
            } else {
                remainder = s[...]
            }
        } else {
            remainder = s[...]
        }
        var remote = String(remainder)
        if domain == "docker.io" && !remote.contains("/") { remote = "library/" + remote }
        let remoteName = remote.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if remoteName.lowercased() != remoteName {
            return DockerMessages.repositoryMustBeLowercase(String(remoteName))
        }
        return isValid(domain + "/" + remote) ? nil : DockerMessages.invalidReferenceFormat
    }

    /// The full reference grammar on a normalized `domain/path[:tag][@digest]`.
    static func isValid(_ full: String) -> Bool {
        var rest = Substring(full)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            rest = rest[..<at]
            guard let colon = digest.firstIndex(of: ":") else { return false }
            let alg = digest[..<colon], hex = digest[digest.index(after: colon)...]
            guard let f = alg.first, f.isASCII, f.isLetter,
                  alg.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_+.".contains($0)) }),
                  hex.count >= 32, hex.allSatisfy({ $0.isHexDigit }) else { return false }
        }
        // tag: after the last ':' that follows the last '/'
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            let tag = rest[rest.index(after: colon)...]
            rest = rest[..<colon]
            guard let f = tag.first, isWord(f), tag.count <= 128, tag.allSatisfy({ isWord($0) || $0 == "." || $0 == "-" }) else { return false }
        }
        if rest.count > 255 { return false }
        let comps = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard comps.count >= 2 else { return false }
        guard isDomain(comps[0]) else { return false }
        return comps.dropFirst().allSatisfy(isPathComponent)
    }

    static func isWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }

    static func isPathComponent(_ p: Substring) -> Bool {
        guard let f = p.first, let l = p.last, isLowerAlnum(f), isLowerAlnum(l) else { return false }
        var sep = ""
        for c in p {
            if isLowerAlnum(c) {
                if !sep.isEmpty && !(sep == "." || sep == "_" || sep == "__" || sep.allSatisfy({ $0 == "-" })) { return false }
                sep = ""
            } else if c == "." || c == "_" || c == "-" {
                sep.append(c)
            } else {
                return false
            }
        }
        return true
    }

    static func isLowerAlnum(_ c: Character) -> Bool { c.isASCII && (c.isNumber || ("a"..."z").contains(c)) }

    static func isDomain(_ d: Substring) -> Bool {
        var host = d
        if d.first == "[" {
            guard let close = d.firstIndex(of: "]") else { return false }
            let after = d[d.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":", PortSpec.port(after.dropFirst()) != nil || after.dropFirst().allSatisfy({ $0.isNumber }) else { return false }
            }
            return true
        }
        if let colon = d.lastIndex(of: ":") {
            let port = d[d.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = d[..<colon]
        }
        let comps = host.split(separator: ".", omittingEmptySubsequences: false)
        return comps.allSatisfy { c in
            guard let f = c.first, let l = c.last, f.isASCII, f.isLetter || f.isNumber, l.isASCII, l.isLetter || l.isNumber else { return false }
            return c.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
