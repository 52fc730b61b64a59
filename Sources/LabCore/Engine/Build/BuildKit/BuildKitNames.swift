import Foundation

/// How BuildKit's Dockerfile frontend names things in its progress and errors (moby/buildkit
/// v0.22.0): a step's `[stage i/N] INSTRUCTION` prefix (dockerfile2llb/convert.go
/// `prefixCommand`, `uppercaseCmd`, `processCmdEnv`), image references in their normalised form
/// (distribution/reference `ParseNormalizedNamed` + `TagNameOnly`), the "did you mean" of
/// util/suggest (agext/levenshtein distance under 3), and cache-record ids (identity/randomid.go:
/// 25 base-36 digits).
enum BuildKitNames {
    /// `[` + the stage's name and a blank when it has one + the index padded to the width of the
    /// total + `/` + total + `] ` + `ONBUILD ` for a trigger + the instruction.
    static func prefixed(_ text: String, stage: String, index: Int, total: Int, onBuild: Bool = false) -> String {
        guard total > 0 else { return text }
        let width = Int(1 + log10(Double(total)))
        let number = String(index)
        var out = "[" + (stage.isEmpty ? "" : stage + " ")
        out += String(repeating: " ", count: max(0, width - number.count)) + number + "/\(total)] "
        return out + (onBuild ? "ONBUILD " : "") + text
    }

    /// The instruction as the frontend shows it: as written, its keyword upper-cased, the
    /// variables the stage defines replaced. A RUN keeps its quotes and any variable the stage
    /// does not define (`RawQuotes`, `SkipUnsetEnv`); COPY, ADD and WORKDIR drop the quotes and
    /// replace an undefined variable with nothing.
    static func instruction(_ ins: Dockerfile.Instruction, env: [String: String]) -> String {
        let raw = ins.keyword == "RUN"
        let expanded = expand(ins.original, env: env, keepUnset: raw, keepQuotes: raw)
        guard let blank = expanded.firstIndex(of: " ") else { return expanded.uppercased() }
        return expanded[..<blank].uppercased() + expanded[blank...]
    }

    /// `$NAME` and `${NAME}` replaced from `env` (the shell lexer's simple forms).
    static func expand(_ text: String, env: [String: String], keepUnset: Bool, keepQuotes: Bool = true) -> String {
        var out = ""
        var quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if !keepQuotes, c == "\"" || c == "'", quote == nil || quote == c {
                quote = quote == nil ? c : nil
                i = text.index(after: i)
                continue
            }
            guard c == "$", quote != "'" else { out.append(c); i = text.index(after: i); continue }
            var j = text.index(after: i)
            var name = ""
            let braced = j < text.endIndex && text[j] == "{"
            if braced {
                j = text.index(after: j)
                while j < text.endIndex, text[j] != "}" { name.append(text[j]); j = text.index(after: j) }
                if j < text.endIndex { j = text.index(after: j) }
            } else {
                while j < text.endIndex, text[j].isLetter || text[j].isNumber || text[j] == "_" { name.append(text[j]); j = text.index(after: j) }
            }
            if name.isEmpty { out.append(c); i = text.index(after: i); continue }
            if let value = env[name] {
                out += value
            } else if keepUnset {
                out += text[i..<j]
            }
            i = j
        }
        return out
    }

    /// A reference as the frontend resolves it: `alpine` is `docker.io/library/alpine:latest`.
    static func normalised(_ reference: String) -> String {
        let name = ImageName(reference)
        var repo = name.repository
        let first = repo.split(separator: "/").first.map(String.init) ?? repo
        let hasDomain = repo.contains("/") && (first.contains(".") || first.contains(":") || first == "localhost")
        if !hasDomain { repo = "docker.io/" + (repo.contains("/") ? repo : "library/" + repo) }
        if let digest = name.digest { return repo + "@" + digest }
        return repo + ":" + (name.tag ?? "latest")
    }

    /// A tag as `naming to` shows it: normalised, but without a `:latest` the user did not write.
    static func exportName(_ tag: String) -> String {
        let full = normalised(tag)
        return ImageReference.hasTagOrDigest(tag) ? full : String(full.dropLast(":latest".count))
    }

    /// util/suggest `Search`: the option within two edits of `value` (the nearest), if any; an
    /// exact match means there is nothing to suggest.
    static func suggest(_ value: String, _ options: [String], caseSensitive: Bool) -> String? {
        let v = caseSensitive ? value : value.lowercased()
        var best: String?
        var bestDistance = 3
        for option in options {
            let o = caseSensitive ? option : option.lowercased()
            if o == v { return nil }
            let d = levenshtein(Array(v), Array(o))
            if d < bestDistance {
                bestDistance = d
                best = caseSensitive ? option : matchCase(o, value)
            }
        }
        return best
    }

    /// util/suggest `matchCase`: the suggestion in the case the user wrote in.
    static func matchCase(_ option: String, _ original: String) -> String {
        if original == original.lowercased() { return option.lowercased() }
        if original == original.uppercased() { return option.uppercased() }
        return option
    }

    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A cache record id: 25 base-36 digits (the lab draws them from its ids).
    static func recordID(_ ids: inout IDSource) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var out = ""
        while out.count < 25 {
            var word = ids.next()
            for _ in 0..<12 where out.count < 25 {
                out.append(digits[Int(word % 36)])
                word /= 36
            }
        }
        return out
    }

    /// The instructions the Dockerfile frontend knows (frontend/dockerfile/command/command.go),
    /// upper-cased as parse.go `allInstructionNames` offers them.
    static let instructionNames = ["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
                                   "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"]

    /// The images util/suggest offers for a FROM it cannot resolve (convert.go `commonImageNames`,
    /// its "docker.io/library" + name without a slash included).
    static let commonImageNames: [String] = ["alpine", "busybox", "centos", "debian", "golang", "ubuntu", "fedora"].flatMap {
        [$0, "docker.io/library" + $0, $0 + ":latest", "docker.io/library" + $0 + ":latest"]
    }
}
