import Foundation

/// The built-in course as the map shows it: the lessons in Content/course, in order, each with its
/// title. (The full notes parser, lessons, assignments and checks come with the course issue.)
public struct CourseCatalog: Sendable {
    /// One lesson of the map.
    public struct Entry: Sendable, Equatable {
        public let file: String
        public let title: String
        public let order: Int
    }

    /// The lessons, in course order.
    public let entries: [Entry]

    /// Reads every Markdown file of `directory`: the title from the front matter's `title:`, else the
    /// first `#` heading, else the file name; the order from `order:`, else the file name.
    public init(directory: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }
        } catch {
            throw StoreError("cannot read the course folder \(directory)")
        }
        var entries: [Entry] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            entries.append(Self.entry(file: name, text: text))
        }
        self.entries = entries.sorted { ($0.order, $0.file) < ($1.order, $1.file) }
    }

    static func entry(file: String, text: String) -> Entry {
        var title: String?
        var order = Int.max
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if lines.first == "---" {
            lines = lines.dropFirst()
            while let line = lines.first, line != "---" {
                lines = lines.dropFirst()
                if line.hasPrefix("title:") { title = Self.unquote(line.dropFirst(6)) }
                if line.hasPrefix("order:"), let n = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) { order = n }
            }
            lines = lines.dropFirst()
        }
        if title == nil, let heading = lines.first(where: { $0.hasPrefix("# ") }) {
            title = String(heading.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        return Entry(file: file, title: title ?? String(file.dropLast(3)), order: order)
    }

    private static func unquote(_ s: Substring) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, f == t.last, f == "\"" || f == "'" { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// Where the built-in content lives: `$LAB_CONTENT`, else the `Content` folder found walking up
    /// from the running program, else the one beside this source file (for `swift run`/`swift test`).
    public static func contentDirectory(executable: String = CommandLine.arguments.first ?? "",
                                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["LAB_CONTENT"], !dir.isEmpty { return dir }
        var candidates: [String] = []
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 { candidates.append(url.appendingPathComponent("Content").path); url.deleteLastPathComponent() }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Content").path)
        var isDir: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/course", isDirectory: &isDir) && isDir.boolValue }
    }
}
