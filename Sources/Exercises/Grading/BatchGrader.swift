import Foundation
import LabCore

/// One graded submission of a batch: its report and how long grading it took (kept apart from
/// the report, which never holds a time).
public struct BatchEntry: Sendable, Equatable, Codable {
    public var report: GradeReport
    public var seconds: Double
}

/// Grades a whole class: every submission on its own fresh lab, in parallel on all cores. Each
/// submission is bounded by the grader's limits, so a hostile one is stopped and reported and
/// the batch goes on; only one lab per worker is alive at a time, so memory stays flat however
/// large the class. Results come back in the order of the input, whatever order they ran in.
public enum BatchGrader {
    /// A submission to grade: its name, and where its bytes come from.
    public struct Item: Sendable {
        public let name: String
        public let source: Source
        /// A file of the host, or bytes already in memory (benchmarks, tests).
        public enum Source: Sendable {
            case file(String)
            case data(Data)
        }

        public init(name: String, source: Source) {
            self.name = name
            self.source = source
        }
    }

    /// The items for files: named by file name without extension, with the extension kept
    /// where two files would otherwise share a name.
    public static func items(files: [String]) -> [Item] {
        var count: [String: Int] = [:]
        for f in files { count[Submission.name(of: f), default: 0] += 1 }
        return files.map { f in
            let name = Submission.name(of: f)
            return Item(name: count[name, default: 0] > 1 ? (f as NSString).lastPathComponent : name, source: .file(f))
        }
    }

    /// Grades every item with `workers` threads (all cores by default); `progress` is called
    /// (from any thread, one call at a time) after each submission with the number done.
    public static func grade(_ items: [Item], with grader: Grader, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                             progress: (@Sendable (Int) -> Void)? = nil) -> [BatchEntry] {
        let results = ResultSlots(count: items.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, items.count))) { _ in
            while let i = results.claim() {
                let start = WallClock.now()
                let report: GradeReport
                switch items[i].source {
                case .file(let path): report = grader.grade(file: path, name: items[i].name)
                case .data(let data): report = grader.grade(data: data, name: items[i].name)
                }
                results.store(BatchEntry(report: report, seconds: WallClock.now() - start), at: i, progress: progress)
            }
        }
        return results.entries
    }
}

/// The batch's shared slots: which item is next, and each item's entry once graded.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var slots: [BatchEntry?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ entry: BatchEntry, at i: Int, progress: (@Sendable (Int) -> Void)?) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = entry
        done += 1
        progress?(done)
    }

    var entries: [BatchEntry] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}
