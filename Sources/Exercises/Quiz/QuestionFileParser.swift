import Foundation
import LabCore
import Yams

/// Reads question files and blueprints.yaml into values, with a message naming the file, line and
/// item for each problem (a bank author's mistakes are reported, never guessed around).
enum QuestionFileParser {
    /// The ```question blocks of a Markdown file: each block's first line number and YAML text.
    static func blocks(_ text: String) -> [(line: Int, yaml: String)] {
        var out: [(Int, String)] = []
        var current: [Substring]? = nil
        var start = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bare = line.trimmingCharacters(in: .whitespaces)
            if current == nil {
                if bare == "```question" { current = []; start = number + 2 }
            } else if bare == "```" {
                out.append((start, current!.joined(separator: "\n")))
                current = nil
            } else {
                current!.append(line)
            }
        }
        if current != nil { out.append((start, current!.joined(separator: "\n") + "\n\u{0}unclosed")) }
        return out
    }

    /// The items of one file, and the problems found (each a whole sentence naming the file).
    static func items(_ text: String, file: String, objectives known: Set<String>) -> (items: [QuizItem], problems: [String]) {
        var items: [QuizItem] = []
        var problems: [String] = []
        for (line, yaml) in blocks(text) {
            let place = "\(file):\(line)"
            if yaml.hasSuffix("\u{0}unclosed") { problems.append("\(place): the ```question block is not closed"); continue }
            do {
                let loaded: Any?
                do { loaded = try SafeYAML.load(yaml) } catch let big as SafeYAML.TooLarge { throw StoreError("the block is too large: \(big)") } catch { throw StoreError("not valid YAML: \(SafeYAML.shortText(error))") }
                guard let fields = loaded as? [String: Any] else { throw StoreError("a question block is a YAML mapping (id:, kind:, …)") }
                var item = try item(fields, known: known)
                item.source = place
                items.append(item)
            } catch {
                problems.append("\(place): \((error as? StoreError)?.description ?? "\(error)")")
            }
        }
        return (items, problems)
    }

    /// One item from its YAML mapping, validated for its kind.
    static func item(_ d: [String: Any], known: Set<String>) throws -> QuizItem {
        func text(_ key: String) -> String { (d[key].map { "\($0)" } ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func list(_ key: String) -> [String] {
            if let l = d[key] as? [Any] { return l.map { "\($0)".trimmingCharacters(in: .whitespacesAndNewlines) } }
            if let s = d[key] { return ["\(s)".trimmingCharacters(in: .whitespacesAndNewlines)] }
            return []
        }
        let id = text("id")
        guard !id.isEmpty else { throw StoreError("an item needs an `id:`") }
        func fail(_ why: String) -> StoreError { StoreError("item \(id): \(why)") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") }) else {
            throw fail("an id is lower-case letters, digits, `-` and `.`")
        }
        let allowed: Set<String> = ["id", "kind", "objectives", "prompt", "explanation", "options", "answer", "setup", "reference",
                                    "compare", "accepts", "rejects", "solution", "checks", "facts", "wrong", "nodes"]
        if let unknown = d.keys.filter({ !allowed.contains($0) }).sorted().first { throw fail("unknown key `\(unknown)`") }
        guard let kind = QuizItem.Kind(rawValue: text("kind")) else {
            throw fail("`kind:` is one of \(QuizItem.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let objectives = list("objectives")
        guard !objectives.isEmpty else { throw fail("an item needs `objectives:`") }
        if let stray = objectives.first(where: { !known.contains($0) }) { throw fail("objective \(stray) is in no blueprint") }
        var item = QuizItem(id: id, kind: kind, objectives: objectives, prompt: text("prompt"), explanation: text("explanation"))
        guard !item.prompt.isEmpty else { throw fail("an item needs a `prompt:`") }
        guard !item.explanation.isEmpty else { throw fail("an item needs an `explanation:`") }
        switch kind {
        case .single, .multiple, .discrete:
            item.options = list("options")
            guard item.options.count >= 2, item.options.count <= 26 else { throw fail("a choice item needs 2 to 26 `options:`") }
            let letters = list("answer").flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) }
            item.answer = try letters.map { letter in
                guard letter.count == 1, let a = letter.uppercased().unicodeScalars.first?.value, a >= 65, Int(a) - 65 < item.options.count else {
                    throw fail("answer \(letter) names no option (A to \(QuizItem.letter(item.options.count - 1)))")
                }
                return Int(a) - 65
            }
            item.answer = Array(Set(item.answer)).sorted()
            guard !item.answer.isEmpty else { throw fail("a choice item needs an `answer:`") }
            if kind == .single, item.answer.count != 1 { throw fail("a single choice item has exactly one answer") }
        case .command:
            item.setup = text("setup")
            item.reference = text("reference")
            guard !item.reference.isEmpty else { throw fail("a command item needs a `reference:`") }
            if d["compare"] != nil {
                guard let c = QuizItem.Comparison(rawValue: text("compare")) else { throw fail("`compare:` is both, output or state") }
                item.compare = c
            }
            item.accepts = list("accepts")
            item.rejects = list("rejects")
            guard Set(item.accepts).count >= 3 else { throw fail("a command item lists at least three right spellings in `accepts:`") }
            guard !item.rejects.isEmpty else { throw fail("a command item lists at least one wrong answer in `rejects:`") }
        case .performance:
            item.setup = text("setup")
            item.solution = text("solution")
            item.wrong = text("wrong")
            guard !item.solution.isEmpty else { throw fail("a performance item needs a `solution:`") }
            guard !item.wrong.isEmpty else { throw fail("a performance item needs a typical `wrong:` attempt") }
            if let checks = d["checks"] {
                let yaml: String
                do { yaml = try Yams.dump(object: ["checks": checks]) } catch { throw fail("`checks:` cannot be read: \(error)") }
                do { _ = try LabCheck.parse(yaml) } catch { throw fail("\(error)") }
                item.checks = yaml
            }
            if let facts = d["facts"] {
                guard let b = facts as? Bool else { throw fail("`facts:` is true or false") }
                item.facts = b
            }
            if !item.facts && item.checks.isEmpty { throw fail("with `facts: false` an item needs `checks:`") }
        }
        if let nodes = d["nodes"] {
            guard let n = nodes as? Int, (1...9).contains(n) else { throw fail("`nodes:` is a number from 1 to 9") }
            item.nodes = n
        }
        return item
    }

    /// The blueprints of blueprints.yaml.
    static func blueprints(_ text: String, file: String) throws -> [Blueprint] {
        let loaded: Any?
        do { loaded = try SafeYAML.load(text) } catch { throw StoreError("\(file): not valid YAML: \(SafeYAML.shortText(error))") }
        guard let root = loaded as? [String: Any], let list = root["blueprints"] as? [[String: Any]] else {
            throw StoreError("\(file): needs a `blueprints:` list")
        }
        return try list.map { b in
            guard let id = b["id"] as? String, let title = b["title"] as? String, let exam = b["exam"] as? [String: Any],
                  let items = exam["items"] as? Int, let minutes = exam["minutes"] as? Int,
                  let pass = (exam["pass"] as? Double) ?? (exam["pass"] as? Int).map(Double.init),
                  let objectives = b["objectives"] as? [[String: Any]], !objectives.isEmpty else {
                throw StoreError("\(file): each blueprint needs id, title, exam (items, minutes, pass) and objectives")
            }
            return Blueprint(id: id, title: title, objectives: try objectives.map { o in
                guard let oid = o["id"] as? String, let otitle = o["title"] as? String,
                      let weight = (o["weight"] as? Double) ?? (o["weight"] as? Int).map(Double.init) else {
                    throw StoreError("\(file): blueprint \(id): each objective needs id, title and weight")
                }
                return Blueprint.Objective(id: oid, title: otitle, weight: weight)
            }, examItems: items, examMinutes: minutes, passPercent: pass)
        }
    }
}
