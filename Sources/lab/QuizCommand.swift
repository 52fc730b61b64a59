import ArgumentParser
import Exercises
import Foundation
import LabCore

/// `lab quiz`: practice sets and timed mock exams from the question bank, taken at the terminal
/// or graded from an answers file; `--review` and `--stats` read the stored attempts; `--verify`
/// proves the bank's lab items.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz", abstract: "Practise for the DCA and LPI 702 exams: quizzes and timed mock exams.",
        discussion: """
        Examples: lab quiz --blueprint dca --timed 90 (a 55-item mock DCA exam); lab quiz --blueprint lpi-devops \
        --topic 702.1 --count 10; lab quiz --blueprint dca --seed 7 --paper, then lab quiz --blueprint dca --seed 7 \
        --answers FILE --json; lab quiz --review; lab quiz --stats.
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The exam to practise for: dca or lpi-devops.") var blueprint: String?
    @Option(help: "Only items of objectives matching this (an objective id or part of one: networking, 702.1).") var topic: String?
    @Option(help: "How many items (default: 10; a mock exam's own length with --timed).") var count: Int?
    @Option(help: ArgumentHelp("A mock exam of this many minutes: weighted like the blueprint, feedback only at the end.", valueName: "minutes"))
    var timed: Int?
    @Option(help: "The seed that picks and orders the items (the same seed gives the same quiz).") var seed: UInt64?
    @Option(help: ArgumentHelp("Take the answers from this file (YAML: item id to answer, or a list in order); - reads standard input.", valueName: "file"))
    var answers: String?
    @Flag(help: "Print the quiz's items, without answers, for writing an answers file.") var paper = false
    @Flag(help: "Practise the items most often missed that are due again (spaced repetition).") var review = false
    @Flag(help: "Show progress per objective over the stored quizzes.") var stats = false
    @Flag(help: "Prove the bank: every command and performance item's right answers pass and wrong ones fail.") var verify = false
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(help: "With --verify: question files to check (default: the built-in bank).") var files: [String] = []

    func validate() throws {
        if !files.isEmpty && !verify { throw ValidationError("question files are given only with --verify") }
        if [review, stats, verify].filter({ $0 }).count > 1 { throw ValidationError("--review, --stats and --verify go one at a time") }
    }

    func run() throws {
        if verify { return try BankCheck.run(files: files, json: json) }
        let store = try store.open()
        let bank: QuestionBank
        do {
            if let dir = BuiltinContent.directory() { try store.importQuestionBankIfChanged(folder: dir + "/questions") }
            bank = try store.questionBank()
        } catch let error as StoreError { throw LabFailure(error.description) }
        if bank.items.isEmpty { throw LabFailure("the question bank was not found (set LAB_CONTENT to its Content folder)") }
        if stats { return try showStats(store, bank) }

        let sheet = try answers.map(readSheet)
        let seed = self.seed ?? sheet?.seed ?? UInt64.random(in: 1...999_999)
        let plan: QuizPlan
        do {
            if review {
                let ids = try store.reviewItems(limit: count ?? 10)
                if ids.isEmpty {
                    if json { return try JSONOutput.print([String]()) }
                    print("Nothing to review: no missed item is due again yet.")
                    return
                }
                plan = QuizPlan(items: ids.compactMap(bank.item), blueprint: blueprint.flatMap(bank.blueprint), mode: .review, minutes: nil, seed: seed)
            } else {
                plan = try QuizPlan.make(bank: bank, blueprint: blueprint, topic: topic, count: count, timed: timed, seed: seed)
            }
        } catch let error as QuizInputError { throw LabFailure(error.description) }

        if paper { return try printPaper(plan) }
        let session = QuizSession(plan: plan, bank: bank)
        let report: QuizReport
        if let sheet {
            report = session.grade(sheet: sheet)
        } else {
            if !json { print(intro(plan)) }
            report = session.run(console: StandardConsole(quiet: json))
        }
        do { try store.recordQuiz(report) } catch { FileHandle.standardError.write(Data("lab: the quiz could not be stored: \(error)\n".utf8)) }
        if json { return try JSONOutput.print(report) }
        print("\n" + QuizText.report(report), terminator: "")
    }

    private func readSheet(_ path: String) throws -> AnswerSheet {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            switch Submission.contents(of: path, maxBytes: 1 << 20) {
            case .success(let d): data = d
            case .failure(let why): throw LabFailure("the answers file \(why.description)")
            }
        }
        guard let text = String(data: data, encoding: .utf8) else { throw LabFailure("the answers file is not UTF-8 text") }
        do { return try AnswerSheet.parse(text) } catch let error as QuizInputError { throw LabFailure(error.description) }
    }

    private func intro(_ plan: QuizPlan) -> String {
        var words = "\(plan.items.count) item\(plan.items.count == 1 ? "" : "s")"
        if let b = plan.blueprint { words += " for \(b.title)" }
        switch plan.mode {
        case .exam: words = "Mock exam: " + words + " in \(plan.minutes ?? 0) minutes. No feedback until the end."
        case .review: words = "Review: " + words + " you missed before."
        case .practice: words = "Practice: " + words + ", with feedback after each."
        }
        return words + " Seed \(plan.seed). Press Enter to skip an item; end of input ends the quiz."
    }

    private func printPaper(_ plan: QuizPlan) throws {
        if json { return try JSONOutput.print(plan.items.map { PaperItem(id: $0.id, kind: $0.kind.rawValue, objectives: $0.objectives, prompt: $0.prompt, options: $0.options) }) }
        print("# lab quiz\(plan.blueprint.map { " --blueprint \($0.id)" } ?? "") --seed \(plan.seed): \(plan.items.count) items")
        for (i, item) in plan.items.enumerated() {
            print("\n" + QuizText.item(item, number: i + 1, of: plan.items.count, showID: true))
            if item.kind == .discrete { for o in item.options.indices { print(QuizText.option(o, of: item)) } }
        }
    }

    private func showStats(_ store: LabStore, _ bank: QuestionBank) throws {
        let progress = try store.objectiveProgress(objectives: bank.objectiveIDs)
        if json { return try JSONOutput.print(progress) }
        print(QuizText.stats(progress), terminator: "")
    }
}

/// An item as printed on an exam paper (`--paper --json`): no answer, no explanation.
struct PaperItem: Encodable {
    let id: String
    let kind: String
    let objectives: [String]
    let prompt: String
    let options: [String]
}

/// The quiz's console on the process's standard input and output.
final class StandardConsole: QuizConsole {
    let quiet: Bool
    let labOutput: OutputSink = TerminalOutput()
    init(quiet: Bool) { self.quiet = quiet }

    func show(_ text: String) { if !quiet { print(text) } }

    func read(prompt: String) -> String? {
        if !quiet { print(prompt, terminator: ""); fflush(nil) }
        let line = readLine(strippingNewline: true)
        // Answers piped in are not echoed by a terminal: echo them, so the transcript reads as typed.
        if !quiet, isatty(0) == 0 { print(line ?? "") }
        return line
    }
}

/// `lab quiz --verify`: reads question files (or the built-in bank), reports every format problem
/// and every lab item whose right answers do not pass or wrong ones do, and the coverage.
enum BankCheck {
    static func run(files: [String], json: Bool) throws {
        guard let dir = BuiltinContent.directory() else { throw LabFailure("the built-in content was not found (set LAB_CONTENT to its Content folder)") }
        let folder = dir + "/questions"
        let bank: QuestionBank
        do {
            if files.isEmpty {
                bank = try QuestionBank.load(folder: folder)
            } else {
                let full = try QuestionBank.load(folder: folder)
                let read = try files.map { path -> (path: String, text: String) in
                    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                        throw StoreError("\(path): cannot be read as UTF-8 text")
                    }
                    return (path, text)
                }
                bank = try QuestionBank.parse(files: read, blueprints: full.blueprints)
            }
        } catch let error as StoreError { throw LabFailure("the question bank has problems:\n" + error.description) }
        let problems = BankVerifier.verify(bank.items)
        if json {
            try JSONOutput.print(["items": "\(bank.items.count)", "problems": problems.map(\.description).joined(separator: "\n")])
        } else {
            for p in problems { print(p.description + "\n") }
            print(QuizText.coverage(bank), terminator: "")
            print(problems.isEmpty ? "Every command and performance item is proven." : "\(problems.count) problem\(problems.count == 1 ? "" : "s").")
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
