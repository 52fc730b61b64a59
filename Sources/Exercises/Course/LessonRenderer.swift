/// Renders a stored lesson for the terminal: headings (bold and coloured when colour is on),
/// prose wrapped to the width, code blocks indented, lists with bullets.
public struct LessonRenderer: Sendable {
    public var width: Int
    public var colour: Bool

    public init(width: Int = 80, colour: Bool = false) {
        self.width = max(30, width)
        self.colour = colour
    }

    public func render(_ lesson: StoredLesson) -> String {
        var out = heading(lesson.title, level: 0) + "\n"
        for section in lesson.sections {
            if section.title != lesson.title { out += "\n" + heading(section.title, level: section.level) + "\n" }
            for block in section.blocks { out += "\n" + render(block) }
        }
        if !lesson.assignments.isEmpty {
            out += "\n" + heading("Assignments", level: 2) + "\n"
            for a in lesson.assignments { out += "  \(a.id)  \(a.title)\n" }
        }
        return out
    }

    func heading(_ text: String, level: Int) -> String {
        let underline = level <= 1 ? "\n" + String(repeating: level == 0 ? "=" : "-", count: min(width, text.count)) : ""
        return colour ? "\u{1B}[1;36m" + text + "\u{1B}[0m" + underline : text + underline
    }

    func render(_ block: MarkdownBlock) -> String {
        switch block {
        case .heading(let level, let text): return heading(text, level: level) + "\n"
        case .paragraph(let text): return wrap(text.replacingNewlines(), indent: "") + "\n"
        case .quote(let text): return wrap(text.replacingNewlines(), indent: "  │ ") + "\n"
        case .list(let items): return items.map { wrap($0, indent: "  • ", hanging: "    ") }.joined(separator: "\n") + "\n"
        case .code("lab", let text):
            // a ```lab block is for the grader: the learner sees what it checks, in words
            guard let checks = try? LabCheck.parse(text), !checks.isEmpty else { return "" }
            return "lab check verifies:\n" + checks.map { wrap($0.description, indent: "  • ", hanging: "    ") }.joined(separator: "\n") + "\n"
        case .code(_, let text):
            let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            return (colour ? "\u{1B}[33m" + body + "\u{1B}[0m" : body) + "\n"
        }
    }

    /// Greedy word wrap at `width`.
    func wrap(_ text: String, indent: String, hanging: String? = nil) -> String {
        var lines: [String] = []
        var line = indent
        let next = hanging ?? String(repeating: " ", count: indent.count)
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let start = line == indent || line == next
            if !start && line.count + 1 + word.count > width {
                lines.append(line)
                line = next + word
            } else {
                line += (start ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func replacingNewlines() -> String { split(separator: "\n").joined(separator: " ") }
}
