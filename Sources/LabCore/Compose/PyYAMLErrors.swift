import Foundation
import Yams

/// A YAML error as docker-compose 1.29 prints it: PyYAML's exception class and wording, from
/// what libyaml (inside Yams) found. PyYAML's parser is a port of libyaml's with its own words
/// (yaml/parser.py and yaml/scanner.py of PyYAML 6): libyaml's "did not find expected key" is
/// PyYAML's "expected <block end>, but found '<block mapping start>'", naming the token at the
/// place of the error, which is read here from the file's text. The marks are the same.
/// Checked against docker-compose 1.29.2 (`docker-compose -f FILE config`) on the development machine.
enum PyYAMLErrors {
    static func message(_ error: Error, file: String) -> String {
        if let big = error as? SafeYAML.TooLarge { return "lab: \(file): \(big)" }
        guard let y = error as? YamlError else { return "yaml.parser.ParserError: \(error)" }
        func at(_ mark: Mark) -> String { "\n  in \"\(file)\", line \(mark.line), column \(mark.column)" }
        // PyYAML's MarkedYAMLError leaves out the context's place when it is the problem's.
        func marked(_ kind: String, _ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> String {
            "yaml.\(kind): " + (context.map { c in c.text + (c.mark.line == mark.line && c.mark.column == mark.column ? "" : at(c.mark)) + "\n" } ?? "")
                + problem + at(mark)
        }
        switch y {
        case .parser(let context, let problem, let mark, let yaml):
            return marked("parser.ParserError", context, parserProblem(problem, context: context, mark: mark, yaml: yaml), mark)
        case .scanner(let context, let problem, let mark, let yaml):
            return marked("scanner.ScannerError", context, scannerProblem(problem, mark: mark, yaml: yaml), mark)
        case .composer(let context, let problem, let mark, let yaml):
            // PyYAML names the alias (yaml/composer.py: "found undefined alias %r").
            let alias = problem == "found undefined alias" ? " " + pythonRepr(aliasName(at: mark, in: yaml)) : ""
            return marked("composer.ComposerError", context, problem + alias, mark)
        default:
            return "yaml.parser.ParserError: \(y)"
        }
    }

    /// PyYAML's problem for libyaml's parser problem, naming the token found.
    static func parserProblem(_ problem: String, context: YamlError.Context?, mark: Mark, yaml: String) -> String {
        let found = { token(at: mark, in: yaml, blockColumn: context?.mark.column ?? 1) }
        switch problem {
        case "did not find expected key", "did not find expected '-' indicator": return "expected <block end>, but found \(found())"
        case "did not find expected ',' or ']'": return "expected ',' or ']', but got \(found())"
        case "did not find expected ',' or '}'": return "expected ',' or '}', but got \(found())"
        case "did not find expected node content": return "expected the node content, but found \(found())"
        case "did not find expected <document start>": return "expected '<document start>', but found \(found())"
        default: return problem
        }
    }

    /// PyYAML's scanner problem for libyaml's.
    static func scannerProblem(_ problem: String, mark: Mark, yaml: String) -> String {
        switch problem {
        case "mapping values are not allowed in this context": return "mapping values are not allowed here"
        case "mapping keys are not allowed in this context": return "mapping keys are not allowed here"
        case "block sequence entries are not allowed in this context": return "sequence entries are not allowed here"
        case "found character that cannot start any token":
            return "found character \(pythonRepr(character(at: mark, in: yaml).map(String.init) ?? "")) that cannot start any token"
        default: return problem
        }
    }

    /// The name of the alias (`*name`) at a mark.
    static func aliasName(at mark: Mark, in yaml: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return "" }
        let rest = lines[mark.line - 1].unicodeScalars.dropFirst(mark.column)
        return String(String.UnicodeScalarView(rest.prefix { !" \t,[]{}".unicodeScalars.contains($0) }))
    }

    /// The character at a mark (1-based line and column, in Unicode scalars as libyaml counts).
    static func character(at mark: Mark, in yaml: String) -> Character? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        return mark.column >= 1 && mark.column <= scalars.count ? Character(scalars[mark.column - 1]) : nil
    }

    /// The id PyYAML's scanner gives the token that starts at `mark` (yaml/tokens.py), as Python's
    /// %r prints it. `blockColumn` is where the enclosing block collection starts: a key or a
    /// `-` further right opens a new collection there.
    static func token(at mark: Mark, in yaml: String, blockColumn: Int) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let rest = mark.line <= lines.count ? String(String.UnicodeScalarView(lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1))) : ""
        if rest.trimmingCharacters(in: .whitespaces).isEmpty, lines.dropFirst(mark.line).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return "'<stream end>'"
        }
        let next = rest.dropFirst().first
        let spaced = next == nil || next == " " || next == "\t"
        if mark.column == 1 && (rest.hasPrefix("---") || rest.hasPrefix("...")) && (rest.count == 3 || rest.dropFirst(3).first == " ") {
            return rest.hasPrefix("---") ? "'<document start>'" : "'<document end>'"
        }
        switch rest.first {
        case "%" where mark.column == 1: return "'<directive>'"
        case "-" where spaced: return mark.column > blockColumn ? "'<block sequence start>'" : "'-'"
        case "?" where spaced: return "'?'"
        case ":" where spaced: return "':'"
        case "[", "{", "]", "}", ",": return "'\(rest.first!)'"
        case "&": return "'<anchor>'"
        case "*": return "'<alias>'"
        case "!": return "'<tag>'"
        default:
            // A scalar, or the key of a new mapping when a ": " (or a final ":") follows it on the line.
            let isKey = rest.contains(": ") || rest.hasSuffix(":")
            if isKey && mark.column > blockColumn { return "'<block mapping start>'" }
            return isKey && mark.column == blockColumn ? "'?'" : "'<scalar>'"
        }
    }

    /// Python's repr of a short string: single quotes unless it holds one, tab and newline escaped.
    static func pythonRepr(_ s: String) -> String {
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
        return s.contains("'") && !s.contains("\"") ? "\"" + escaped + "\"" : "'" + escaped.replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
