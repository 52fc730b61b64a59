import Foundation
import LabCore
import Yams

/// Turns a course note (Markdown with optional YAML front matter) into a lesson. It reads notes
/// written by anyone: front matter in YAML (title, tags as a list or a string, date, order…),
/// ATX and setext headings, `!Title` pseudo-headings, paragraph lines ending in ':' that name an
/// assignment or exercise, fenced and indented code. Nothing in a note makes it fail.
public enum NoteParser {
    public static func lesson(from text: String, fallbackTitle: String) -> Lesson {
        let (front, body) = frontMatter(text)
        let blocks = MarkdownBlocks.parse(body)
        var title = (front["title"] as? String).map { $0.trimmingCharacters(in: .whitespaces) }
        if title?.isEmpty ?? true {
            title = blocks.lazy.compactMap { if case .heading(_, let t) = $0 { return t } else { return nil } }.first
        }
        let order = integer(front["order"])
        let finalTitle = title ?? fallbackTitle
        return Lesson(id: slug(finalTitle), title: finalTitle, tags: words(front["tags"]), order: order,
                      requires: words(front["requires"]).map { $0.lowercased() }, nodes: max(1, integer(front["nodes"]) ?? 1),
                      sections: sections(blocks, lessonTitle: finalTitle))
    }

    /// A front matter list given as a YAML list or as one string of words ("a, b" or "a b").
    static func words(_ value: Any?) -> [String] {
        switch value {
        case let list as [Any]: return list.map { "\($0)" }
        case let one as String: return one.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        default: return []
        }
    }

    static func integer(_ value: Any?) -> Int? { (value as? Int) ?? (value as? String).flatMap { Int($0) } }

    /// Splits off a leading `---` YAML block; a block that is not valid YAML is left as text.
    static func frontMatter(_ text: String) -> ([String: Any], String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalised.hasPrefix("---\n") else { return ([:], normalised) }
        let rest = normalised.dropFirst(4)
        guard let end = rest.range(of: "\n---\n") ?? (rest.hasSuffix("\n---") ? rest.range(of: "\n---", options: .backwards) : nil) else {
            return ([:], normalised)
        }
        let yaml = String(rest[..<end.lowerBound])
        guard let parsed = (try? SafeYAML.load(yaml)) as? [String: Any] else { return ([:], normalised) }
        return (parsed, String(rest[end.upperBound...]))
    }

    static func sections(_ blocks: [MarkdownBlock], lessonTitle: String) -> [LessonSection] {
        var sections: [LessonSection] = []
        var current = LessonSection(id: "introduction", title: lessonTitle, level: 1, blocks: [], steps: [], isAssignment: false, labBlocks: [])
        var used: [String: Int] = [:]
        func close() {
            if !current.blocks.isEmpty || current.id != "introduction" {
                current.isAssignment = current.isAssignment || names(assignment: current.title) || !current.labBlocks.isEmpty
                sections.append(current)
            }
        }
        func open(_ title: String, level: Int) {
            close()
            var id = slug(title)
            if id.isEmpty { id = "section" }
            if let n = used[id] { used[id] = n + 1; id += "-\(n + 1)" } else { used[id] = 1 }
            current = LessonSection(id: id, title: title, level: level, blocks: [], steps: [], isAssignment: false, labBlocks: [])
        }
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                open(text, level: level)
                continue
            case .paragraph(let text):
                // pseudo-headings: "!Container lifetime", and "X assignment (command list):"
                let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
                if firstLine.hasPrefix("!") && firstLine.count > 1 && !firstLine.hasPrefix("![") {
                    open(String(firstLine.dropFirst()).trimmingCharacters(in: .whitespaces), level: 3)
                    continue
                }
                if !text.contains("\n"), text.hasSuffix(":"), names(assignment: text) {
                    open(String(text.dropLast()).trimmingCharacters(in: .whitespaces), level: 4)
                    continue
                }
            case .code(let language, let text):
                if language == "lab" { current.labBlocks.append(text) }
                if isShell(language) {
                    let step = PracticeStep(commands: commands(in: text))
                    if step.hasDocker { current.steps.append(step) }
                }
            default: break
            }
            current.blocks.append(block)
        }
        close()
        return sections
    }

    /// Whether a title names an assignment or an exercise.
    static func names(assignment title: String) -> Bool {
        let lower = title.lowercased()
        return lower.contains("assignment") || lower.contains("exercise")
    }

    static func isShell(_ language: String) -> Bool {
        ["", "sh", "bash", "shell", "console", "zsh", "terminal", "shell-session", "docker"].contains(language)
    }

    /// The commands of a shell code block: prompts (`$ `, `# ` is a comment) removed, comments and
    /// blank lines dropped, `\` continuations joined; a here-document's lines stay with the
    /// command that opens it, as written, up to its delimiter.
    public static func commands(in text: String) -> [String] {
        var out: [String] = []
        var pending = ""
        var heredoc: (delimiter: String, stripTabs: Bool)?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = heredoc {
                out[out.count - 1] += "\n" + raw
                let body = open.stripTabs ? String(raw.drop { $0 == "\t" }) : String(raw)
                if body == open.delimiter { heredoc = nil }
                continue
            }
            var line = raw.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty {
                if line.hasPrefix("$ ") { line = String(line.dropFirst(2)) }
                if line.isEmpty || line.hasPrefix("#") { continue }
            }
            if line.hasSuffix("\\") {
                pending += String(line.dropLast()).trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            out.append((pending + line).trimmingCharacters(in: .whitespaces))
            pending = ""
            heredoc = hereDocument(opened: out[out.count - 1])
        }
        if !pending.isEmpty { out.append(pending.trimmingCharacters(in: .whitespaces)) }
        return out
    }

    /// The delimiter of a here-document a command line opens (`<<EOF`, `<<'EOF'`, `<<-"END"`), if any.
    static func hereDocument(opened line: String) -> (delimiter: String, stripTabs: Bool)? {
        guard !line.contains("$(("), let range = line.range(of: "<<"), !line[range.upperBound...].hasPrefix("<") else { return nil }
        var rest = line[range.upperBound...]
        let stripTabs = rest.hasPrefix("-")
        if stripTabs { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        let word = rest.prefix { !" ;|&<>)".contains($0) }
        let delimiter = word.filter { $0 != "'" && $0 != "\"" && $0 != "\\" }
        return delimiter.isEmpty ? nil : (String(delimiter), stripTabs)
    }

    /// A stable id from a title: lower-case letters and digits, words joined by '-'.
    public static func slug(_ title: String) -> String {
        var out = ""
        var dash = false
        for ch in title.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                if dash && !out.isEmpty { out.append("-") }
                out.append(ch)
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }
}
