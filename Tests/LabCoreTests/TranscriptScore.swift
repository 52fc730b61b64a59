import Foundation
import XCTest

/// The share of recorded commands the simulator matched, printed and held to a bar: the
/// commands that differ are always named; LAB_SHOW_MISMATCHES=1 shows both outputs (the
/// report's lines), LAB_SHOW_MISMATCHES=full whole ones.
struct TranscriptScore {
    let label: String
    var total = 0
    var matched = 0
    var report: [String] = []

    init(_ label: String) { self.label = label }

    /// How much of an output a report line shows.
    static var cut: Int { ProcessInfo.processInfo.environment["LAB_SHOW_MISMATCHES"] == "full" ? Int.max : 400 }

    mutating func record(_ scenario: String, command: String, real: (output: String, status: Int32), ours: (output: String, status: Int32)) {
        total += 1
        if real.status == ours.status && real.output == ours.output { matched += 1; return }
        report.append("\(scenario): $ \(command)\n  real [rc=\(real.status)]: \(real.output.prefix(Self.cut).debugDescription)\n"
                      + "  ours [rc=\(ours.status)]: \(ours.output.prefix(Self.cut).debugDescription)")
    }

    /// Prints the figure and the differing commands, and fails below `bar`.
    func check(bar: Double, file: StaticString = #filePath, line: UInt = #line) {
        let rate = total == 0 ? 0 : Double(matched) / Double(total)
        print("\(label) transcripts: \(matched) of \(total) commands match the real engine (\(String(format: "%.1f", rate * 100))%)")
        if ProcessInfo.processInfo.environment["LAB_SHOW_MISMATCHES"] != nil {
            print(report.joined(separator: "\n"))
        } else {
            print("differing: " + report.map { $0.split(separator: "\n").first.map(String.init) ?? "" }.joined(separator: "; "))
        }
        XCTAssertGreaterThanOrEqual(rate, bar, "\(total - matched) of \(total) \(label) commands differ:\n" + report.joined(separator: "\n"),
                                    file: file, line: line)
    }
}
