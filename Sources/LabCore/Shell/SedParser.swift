/// Parsing of sed scripts into commands.
extension Sed {
    static func compile(_ pattern: String, extended: Bool, ignoreCase: Bool = false) throws -> Regex<AnyRegexOutput> {
        let body = (ignoreCase ? "(?i)" : "") + LineMatcher.translate(pattern, extended: extended)
        guard let regex = try? Regex(body) else { throw Failure(message: "-e expression #1, char 0: Invalid regular expression") }
        return regex
    }

    static func parse(_ script: String, extended: Bool, expression: Int) throws -> [Command] {
        let chars = Array(script)
        var i = 0
        var commands: [Command] = []
        func fail(_ what: String) -> Failure { Failure(message: "-e expression #\(expression), char \(i): \(what)") }
        func delimited(_ delimiter: Character) throws -> String {
            var text = ""
            while i < chars.count && chars[i] != delimiter {
                if chars[i] == "\\" && i + 1 < chars.count {
                    if chars[i + 1] == delimiter { text.append(delimiter) } else { text.append("\\"); text.append(chars[i + 1]) }
                    i += 2
                    continue
                }
                text.append(chars[i])
                i += 1
            }
            guard i < chars.count else { throw fail("unterminated `s' command") }
            i += 1
            return text
        }
        func address() throws -> Command.Address? {
            guard i < chars.count else { return nil }
            if chars[i] == "$" { i += 1; return .last }
            if chars[i].isNumber {
                var n = 0
                while i < chars.count, let d = chars[i].wholeNumberValue { n = n * 10 + d; i += 1 }
                return .line(n)
            }
            if chars[i] == "/" {
                i += 1
                let pattern = try delimited("/")
                return .regex(try compile(pattern, extended: extended))
            }
            return nil
        }
        while i < chars.count {
            while i < chars.count && (chars[i] == " " || chars[i] == ";" || chars[i] == "\n") { i += 1 }
            guard i < chars.count else { break }
            var command = Command(name: "p")
            command.from = try address()
            if command.from != nil && i < chars.count && chars[i] == "," {
                i += 1
                command.to = try address()
                if command.to == nil { throw fail("unexpected `,'") }
            }
            while i < chars.count && chars[i] == " " { i += 1 }
            if i < chars.count && chars[i] == "!" { command.negated = true; i += 1 }
            guard i < chars.count else { throw fail("missing command") }
            command.name = chars[i]
            i += 1
            switch command.name {
            case "s":
                guard i < chars.count else { throw fail("unterminated `s' command") }
                let delimiter = chars[i]
                i += 1
                let pattern = try delimited(delimiter)
                command.replacement = try delimited(delimiter)
                var ignoreCase = false
                while i < chars.count && chars[i] != ";" && chars[i] != "\n" && chars[i] != "}" {
                    switch chars[i] {
                    case "g": command.global = true
                    case "p": command.printAfter = true
                    case "i", "I": ignoreCase = true
                    case " ": break
                    default:
                        if let d = chars[i].wholeNumberValue { command.occurrence = d } else { throw fail("unknown option to `s'") }
                    }
                    i += 1
                }
                command.regex = try compile(pattern, extended: extended, ignoreCase: ignoreCase)
            case "d", "p", "q":
                break
            default:
                throw Failure(message: "-e expression #\(expression), char \(i): unknown command: `\(command.name)'")
            }
            commands.append(command)
        }
        return commands
    }
}
