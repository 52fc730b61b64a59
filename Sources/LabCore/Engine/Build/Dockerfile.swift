import Foundation

/// A Dockerfile read as the builder's parser reads it (moby/buildkit
/// frontend/dockerfile/parser): parser directives (`# escape=`, `# syntax=`) at the top,
/// comments, line continuations with the escape character, and each instruction with its
/// arguments in exec (JSON array) or shell form, its `--flags`, and the line it starts on.
public struct Dockerfile: Sendable, Equatable {
    /// One instruction: `RUN`, `COPY`… (upper case), its flags (`--from=builder`), its words.
    public struct Instruction: Sendable, Equatable {
        public var keyword: String
        public var flags: [String: String]
        /// The text after the keyword and flags, as written (continuations joined).
        public var text: String
        /// The exec form's words when the text is a JSON array of strings.
        public var json: [String]?
        /// The line the instruction starts on (1-based).
        public var line: Int
        /// The instruction as the legacy builder echoes it (`RUN echo hi`).
        public var original: String
        /// The line it ends on (continuation lines included; 1-based).
        public var endLine = 0
    }

    public var instructions: [Instruction]
    public var escape: Character

    /// The instructions the builder knows.
    public static let keywords: Set<String> = ["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
                                               "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"]

    /// A parse failure: the line and what is wrong, in the parser's words.
    public struct ParseError: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Parses a Dockerfile's text.
    public static func parse(_ text: String) throws(ParseError) -> Dockerfile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var escape: Character = "\\"
        var k = 0
        // Parser directives: `# key=value` lines before anything else.
        while k < lines.count {
            let t = lines[k].trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { break }
            let key = t.dropFirst().prefix(upTo: eq).trimmingCharacters(in: .whitespaces).lowercased()
            let value = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard key == "escape" || key == "syntax" else { break }
            if key == "escape" {
                guard value == "`" || value == "\\" else { throw ParseError(line: k + 1, message: "invalid ESCAPE '\(value)'. Must be ` or \\") }
                escape = value.first!
            }
            k += 1
        }
        var out: [Instruction] = []
        while k < lines.count {
            let start = k
            var logical = ""
            var continuing = true
            while continuing && k < lines.count {
                let raw = String(lines[k])
                k += 1
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("#") { if logical.isEmpty { break } else { continue } }
                if trimmed.isEmpty && !logical.isEmpty { continue }
                var piece = raw
                while piece.last == " " || piece.last == "\t" { piece.removeLast() }
                if piece.last == escape {
                    piece.removeLast()
                    logical += piece
                } else {
                    logical += piece
                    continuing = false
                }
            }
            let body = logical.trimmingCharacters(in: .whitespaces)
            if body.isEmpty { continue }
            var ins = try instruction(body, line: start + 1)
            ins.endLine = k
            out.append(ins)
        }
        return Dockerfile(instructions: out, escape: escape)
    }

    static func instruction(_ body: String, line: Int) throws(ParseError) -> Instruction {
        let keywordEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? body.endIndex
        let word = String(body[..<keywordEnd])
        let keyword = word.uppercased()
        guard keywords.contains(keyword) else { throw ParseError(line: line, message: "unknown instruction: \(word)") }
        var rest = body[keywordEnd...].trimmingCharacters(in: .whitespaces)
        var flags: [String: String] = [:]
        if ["ADD", "COPY", "FROM", "RUN", "HEALTHCHECK"].contains(keyword) {
            while rest.hasPrefix("--") {
                let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
                let flag = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
                let kv = flag.split(separator: "=", maxSplits: 1)
                flags[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
                rest = rest[end...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Instruction(keyword: keyword, flags: flags, text: rest, json: jsonArray(rest), line: line,
                           original: word + (body[keywordEnd...].isEmpty ? "" : " " + body[keywordEnd...].trimmingCharacters(in: .whitespaces)))
    }

    /// The words of a JSON array of strings (`["nginx", "-g", "daemon off;"]`), or nil.
    static func jsonArray(_ text: String) -> [String]? {
        guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
        guard case .array(let items)? = try? JSONValue(parsing: text) else { return nil }
        var words: [String] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            words.append(s)
        }
        return words
    }
}
