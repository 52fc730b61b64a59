import Foundation
import Yams

/// The question bank: the blueprints and every item of a folder of question files (Markdown whose
/// ```question blocks are YAML items; see Content/questions/README.md).
public struct QuestionBank: Sendable, Equatable {
    public var blueprints: [Blueprint]
    public var items: [QuizItem]

    public init(blueprints: [Blueprint], items: [QuizItem]) {
        self.blueprints = blueprints
        self.items = items
    }

    /// The blueprint with this id.
    public func blueprint(_ id: String) -> Blueprint? { blueprints.first { $0.id == id } }

    /// The item with this id.
    public func item(_ id: String) -> QuizItem? { items.first { $0.id == id } }

    /// Every objective id of every blueprint, in order.
    public var objectiveIDs: [String] { blueprints.flatMap { $0.objectives.map(\.id) } }

    /// The title of an objective, or the id when no blueprint names it.
    public func title(of objective: String) -> String {
        blueprints.lazy.flatMap(\.objectives).first { $0.id == objective }?.title ?? objective
    }

    /// Reads a folder: `blueprints.yaml` and every `.md` file but README.md, in name order. Every
    /// problem of every file is reported at once, each naming its file and item.
    public static func load(folder: String) throws -> QuestionBank {
        let fm = FileManager.default
        let blueprintsPath = (folder as NSString).appendingPathComponent("blueprints.yaml")
        guard let data = fm.contents(atPath: blueprintsPath), let text = String(data: data, encoding: .utf8) else {
            throw StoreError("\(blueprintsPath): no such file")
        }
        let blueprints = try QuestionFileParser.blueprints(text, file: blueprintsPath)
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { throw StoreError("\(folder): no such folder") }
        var files: [(String, String)] = []
        for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw StoreError("\(path): cannot be read as UTF-8 text")
            }
            files.append((path, text))
        }
        return try parse(files: files, blueprints: blueprints)
    }

    /// Builds a bank from files already read; throws every problem found, one per line.
    public static func parse(files: [(path: String, text: String)], blueprints: [Blueprint]) throws -> QuestionBank {
        var items: [QuizItem] = []
        var problems: [String] = []
        let known = Set(blueprints.flatMap { $0.objectives.map(\.id) })
        for (path, text) in files {
            let (found, wrong) = QuestionFileParser.items(text, file: path, objectives: known)
            items += found
            problems += wrong
        }
        var seen: [String: String] = [:]
        for item in items {
            if let first = seen[item.id] { problems.append("\(item.source): item \(item.id): the id is also used in \(first)") }
            seen[item.id] = item.source
        }
        if !problems.isEmpty { throw StoreError(problems.joined(separator: "\n")) }
        return QuestionBank(blueprints: blueprints, items: items)
    }
}
