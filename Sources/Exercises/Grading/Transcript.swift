import Foundation
import LabCore

/// What a learner handed in, read into the commands they typed, each with its line number.
///
/// Three forms are read, told apart by their content:
/// - **commands**: a plain file of commands, one a line, with `\` continuations and
///   here-documents (lines are joined until the shell has a complete command);
/// - **terminal**: a copy of a terminal, where lines that start with a prompt (`$ `,
///   `user@host:~$ `, `root@node1:~# `, `[user@host dir]$ `, `user@host dir % `, busybox's
///   `/ # `) are commands, `> ` lines after them their continuations, and the rest is output;
/// - **export**: what `lab export` writes: a `# lab export` first line, then the session's
///   commands in terminal form with the prompt each was typed at (a machine's, or a container's
///   after `docker run -it`).
///
/// A command the shell cannot parse is kept (replaying it shows the learner bash's error) and
/// also reported as a problem with its line number: nothing is dropped silently.
public struct Transcript: Sendable, Equatable {
    /// The form a transcript was read in.
    public enum Form: String, Sendable, Codable {
        case commands, terminal, export
    }

    /// One command as typed: the line it starts on (1-based), its text (several lines for a
    /// here-document or continuation), and the prompt it was typed at, in a terminal copy.
    public struct Command: Sendable, Equatable, Codable {
        public let line: Int
        public let text: String
        public var prompt: String? = nil
    }

    /// A line the lab could not read as a command, with why.
    public struct Problem: Sendable, Equatable, Codable {
        public let line: Int
        public let message: String
    }

    public let form: Form
    public let commands: [Command]
    public let problems: [Problem]

    /// The first line of a `lab export`.
    public static let exportHeader = "# lab export"

    /// A command spanning more lines (or bytes) than this is cut there and reported (it bounds the
    /// work a hostile file of unclosed quotes can cause: each added line parses the command again).
    static let maxCommandLines = 400
    static let maxCommandBytes = 64 << 10

    /// Reads `text` in whichever form it is.
    public static func parse(_ text: String) -> Transcript {
        let lines = splitLines(text)
        let firstText = lines.first { !$0.allSatisfy(\.isWhitespace) }
        if let firstText, firstText.hasPrefix(exportHeader) { return terminal(lines, form: .export) }
        // A terminal copy: a prompt comes before any line that is a plain docker command (which a
        // terminal would show after a prompt); a `$ ` line later, in a here-document, does not count.
        if let prompt = lines.firstIndex(where: { TerminalPrompt.length(of: $0) != nil }),
           !lines[..<prompt].contains(where: { $0.hasPrefix("docker ") || $0.hasPrefix("sudo docker ") }) {
            return terminal(lines, form: .terminal)
        }
        return commands(lines)
    }

    /// Reads raw bytes as handed in; nil with the reason when they are not a usable transcript
    /// (larger than `maxBytes`, or binary rather than text).
    public static func read(_ data: Data, maxBytes: Int) -> Result<Transcript, UnusableTranscript> {
        if data.count > maxBytes { return .failure(.tooLarge(bytes: data.count, limit: maxBytes)) }
        if let nul = data.firstIndex(of: 0) { return .failure(.binary(offset: nul - data.startIndex)) }
        guard let text = String(validating: data, as: UTF8.self) else {
            var offset = 0
            var decoder = UTF8()
            var iterator = data.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): offset += UTF8.width(s)
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            return .failure(.binary(offset: offset))
        }
        return .success(parse(text))
    }

    /// The text's lines without their terminators (`\n`, `\r\n`).
    static func splitLines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// The plain form: every line is input, joined with the next while the shell needs more.
    static func commands(_ lines: [Substring]) -> Transcript {
        var commands: [Command] = []
        var problems: [Problem] = []
        var i = 0
        while i < lines.count {
            let start = i
            var text = String(lines[i])
            i += 1
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var state = Shell.check(text)
            while state == .needsMore, i < lines.count, i - start < maxCommandLines, text.utf8.count < maxCommandBytes {
                text += "\n" + lines[i]
                i += 1
                state = Shell.check(text)
            }
            commands.append(Command(line: start + 1, text: text))
            let cut = state == .needsMore && i < lines.count
            if let problem = problem(state, line: start + 1, cut: cut) { problems.append(problem) }
        }
        return Transcript(form: .commands, commands: commands, problems: problems)
    }

    /// The terminal and export forms: prompt lines are commands, `> ` lines their continuations.
    static func terminal(_ lines: [Substring], form: Form) -> Transcript {
        var commands: [Command] = []
        var problems: [Problem] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            guard let length = TerminalPrompt.length(of: line) else { continue }
            let start = i
            let prompt = String(line.prefix(length))
            var text = String(line.dropFirst(length))
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var state = Shell.check(text)
            while state == .needsMore, i < lines.count, lines[i] == ">" || lines[i].hasPrefix("> "), i - start < maxCommandLines,
                  text.utf8.count < maxCommandBytes {
                text += "\n" + lines[i].dropFirst(min(2, lines[i].count))
                i += 1
                state = Shell.check(text)
            }
            commands.append(Command(line: start, text: text, prompt: prompt))
            let cut = state == .needsMore && i < lines.count && (lines[i] == ">" || lines[i].hasPrefix("> "))
            if let problem = problem(state, line: start, cut: cut) { problems.append(problem) }
        }
        return Transcript(form: form, commands: commands, problems: problems)
    }

    /// Why a command cannot be run as it stands, if it cannot.
    static func problem(_ state: Shell.InputCheck, line: Int, cut: Bool) -> Problem? {
        if cut { return Problem(line: line, message: "a command longer than \(maxCommandLines) lines or \(maxCommandBytes) bytes was cut there") }
        switch state {
        case .complete: return nil
        case .needsMore:
            return Problem(line: line, message: "the command is not finished (an open quote, here-document or trailing \\) when the transcript ends")
        case .syntaxError(let error):
            return Problem(line: line + error.line - 1, message: "bash: \(error.message)")
        }
    }
}

/// Why a handed-in file cannot be graded at all.
public enum UnusableTranscript: Error, Sendable, Equatable, CustomStringConvertible {
    case tooLarge(bytes: Int, limit: Int)
    case binary(offset: Int)
    case unreadable(String)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "the transcript is \(bytes) bytes, over the limit of \(limit) bytes (--max-bytes)"
        case .binary(let offset):
            return "not a text transcript: binary data at byte \(offset)"
        case .unreadable(let why):
            return why
        }
    }
}
