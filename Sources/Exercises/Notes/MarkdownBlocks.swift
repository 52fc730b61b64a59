import Foundation

/// The block structure of a Markdown note, as much of CommonMark as course notes use: ATX and
/// setext headings, fenced (also indented) and indented code blocks, lists, block quotes and
/// paragraphs. Links and images stay in the text as written. Never fails: anything else is text.
public enum MarkdownBlock: Sendable, Equatable, Codable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case code(language: String, text: String)
    case list([String])
    case quote(String)
}

/// Reads Markdown text into blocks.
public enum MarkdownBlocks {
    public static func parse(_ text: String) -> [MarkdownBlock] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        var i = 0
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: "\n"))) }
            paragraph = []
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            // fenced code, at any indentation (notes indent fences under list items)
            if let fence = fenceMarker(trimmed) {
                flush()
                let language = String(trimmed.dropFirst(fence.count)).trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                var body: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).hasPrefix(fence) {
                    body.append(dedent(lines[i], by: indent))
                    i += 1
                }
                i += 1
                blocks.append(.code(language: language.lowercased(), text: body.joined(separator: "\n")))
                continue
            }
            if trimmed.isEmpty { flush(); i += 1; continue }
            // indented code: four spaces after a blank line, outside a paragraph
            if indent >= 4 && paragraph.isEmpty && !isListItem(trimmed) {
                var body: [String] = []
                while i < lines.count {
                    let l = lines[i]
                    let ind = l.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
                    if l.trimmingCharacters(in: .whitespaces).isEmpty {
                        body.append("")
                    } else if ind >= 4 {
                        body.append(dedent(l, by: 4))
                    } else { break }
                    i += 1
                }
                while body.last == "" { body.removeLast() }
                blocks.append(.code(language: "", text: body.joined(separator: "\n")))
                continue
            }
            if let (level, text) = atxHeading(trimmed), indent < 4 {
                flush()
                blocks.append(.heading(level: level, text: text))
                i += 1
                continue
            }
            // setext heading: a paragraph line underlined with === or ---
            if !paragraph.isEmpty, indent < 4, let underline = trimmed.first, (underline == "=" || underline == "-"),
               trimmed.allSatisfy({ $0 == underline }), paragraph.count == 1 {
                blocks.append(.heading(level: underline == "=" ? 1 : 2, text: paragraph[0].trimmingCharacters(in: .whitespaces)))
                paragraph = []
                i += 1
                continue
            }
            if isListItem(trimmed) {
                flush()
                var items: [String] = []
                while i < lines.count {
                    let t = lines[i].trimmingCharacters(in: .whitespaces)
                    if t.isEmpty || fenceMarker(t) != nil { break }
                    if isListItem(t) { items.append(listItemText(t)) } else if !items.isEmpty { items[items.count - 1] += " " + t } else { break }
                    i += 1
                }
                blocks.append(.list(items))
                continue
            }
            if trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                    quoted.append(String(lines[i].trimmingCharacters(in: .whitespaces).dropFirst()).trimmingCharacters(in: .whitespaces))
                    i += 1
                }
                blocks.append(.quote(quoted.joined(separator: "\n")))
                continue
            }
            paragraph.append(trimmed)
            i += 1
        }
        flush()
        return blocks
    }

    static func fenceMarker(_ trimmed: String) -> String? {
        for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) {
            let char = marker.first!
            return String(trimmed.prefix { $0 == char })
        }
        return nil
    }

    static func atxHeading(_ trimmed: String) -> (Int, String)? {
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text = String(text.dropLast()) }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    static func isListItem(_ trimmed: String) -> Bool {
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") || trimmed == "-" || trimmed == "*" { return true }
        let digits = trimmed.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return false }
        let rest = trimmed.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    static func listItemText(_ trimmed: String) -> String {
        if let first = trimmed.first, "-*+".contains(first) { return String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let digits = trimmed.prefix { $0.isNumber }
        return String(trimmed.dropFirst(digits.count + 1)).trimmingCharacters(in: .whitespaces)
    }

    static func dedent(_ line: String, by count: Int) -> String {
        var removed = 0
        var index = line.startIndex
        while index < line.endIndex, removed < count, line[index] == " " || line[index] == "\t" {
            removed += line[index] == "\t" ? 4 : 1
            index = line.index(after: index)
        }
        return String(line[index...])
    }
}
