import Foundation
import XCTest
@testable import LabCore

/// Parse throughput on typical learner lines (the release-mode requirement is ≥ 500,000
/// shell + grammar lines per second on one core; the grammar alone must stay well above).
final class GrammarPerformanceTests: XCTestCase {
    static let lines: [[String]] = [
        ["run", "-d", "-p", "8080:80", "--name", "web", "nginx"],
        ["ps", "-a"],
        ["container", "ls", "-aq"],
        ["exec", "-it", "web", "sh"],
        ["image", "pull", "nginx:1.25"],
        ["network", "create", "--driver", "bridge", "net1"],
        ["service", "update", "--replicas", "3", "web"],
        ["logs", "-f", "--tail", "10", "web"],
        ["rm", "-f", "a", "b", "c"],
        ["volume", "ls"],
    ]

    func testGrammarThroughput() {
        _ = DockerCommandLine.parse(["ps"])  // load the grammar
        let n = 100_000
        let start = DispatchTime.now().uptimeNanoseconds
        var accepted = 0
        for i in 0..<n {
            if case .invocation = DockerCommandLine.parse(Self.lines[i % Self.lines.count]) { accepted += 1 }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let rate = Double(n) / seconds
        print("grammar parse: \(Int(rate)) lines/s")
        XCTAssertEqual(accepted, n)
        for line in Self.lines {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<20_000 { _ = DockerCommandLine.parse(line) }
            let ns = Double(DispatchTime.now().uptimeNanoseconds - t0) / 20_000
            print("  \(Int(ns)) ns  docker \(line.joined(separator: " "))")
        }
        #if !DEBUG
        XCTAssertGreaterThan(rate, 1_000_000, "grammar parse throughput \(Int(rate)) lines/s")
        #endif
    }
}
