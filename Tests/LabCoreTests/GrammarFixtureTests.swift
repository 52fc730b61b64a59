import Foundation
import XCTest
@testable import LabCore

/// Checks the docker grammar against the real docker 28.2.2 client's verdicts recorded by
/// `python3 scripts/record-docker-grammar-fixture.py` into Fixtures/grammar/cases.json.
final class GrammarFixtureTests: XCTestCase {
    struct Case: Decodable {
        let group: String
        let line: String
        let args: [String]
        let stdout: String
        let stderr: String
        let status: Int32
        let accepted: Bool
    }
    struct File: Decodable { let cases: [Case] }

    /// Rejections the client makes after the grammar, from the machine, terminal, files, registry
    /// or the command's own logic that the engine simulates: the grammar must accept these lines.
    static let decidedLater = [
        "the input device is not a TTY",                  // run -it without a terminal: the lab has one
        "Failed to initialize",                           // --tls / --context: the client's context store
        "no such file or directory",                      // --env-file, -i, compose files, cp sources
        "Cannot perform an interactive login",            // login prompt
        "WARNING! ",                                      // prune confirmations (stdin)
        "context not found", "Warning: DOCKER_HOST",      // context commands
        "Removing login credentials",
        "no signatures or cannot access",                 // trust inspect (registry)
        "failed to configure transport",                  // manifest inspect (registry)
        "unknown server OS",                              // --device needs the daemon's OS
        "error reading from",                             // secret create file
        "Successfully created context",                   // context create (the client's own store)
        "error contacting notary server",                 // trust sign
        "secret file is required",                        // secret create reads the file or stdin
        "does not exist in",                              // manifest annotate (local manifest store)
        "already exists", "Successfully updated context", // context store
        "public key path does not exist",                 // trust key generate --dir
        "no matching subnet for aux-address",             // network create IPAM consolidation
        "legacy builder is deprecated",                   // build: accepted lines print the banner then need a context
    ]

    /// Lines where the grammar knowingly differs from the client, with the reason.
    static let knownDifferences: [String: String] = [
        "docker container -h -h ls":
            "the client prints four -h deprecation lines and no help for a doubled -h before a subcommand (a cobra quirk); we print the help",
    ]

    static func loadCases() throws -> [Case] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "cases", withExtension: "json", subdirectory: "Fixtures/grammar"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    static func expectsInvocation(_ c: Case) -> Bool {
        if c.accepted { return true }
        if c.stdout == "default\n" || c.stdout.hasPrefix("[") { return true }  // context show / inspect
        if c.line.hasPrefix("docker context inspect") && c.stderr.isEmpty && !c.stdout.contains("Usage:") { return true }  // --format
        let later = decidedLater.dropLast().contains { c.stderr.contains($0) || c.stdout.contains($0) }
        if later { return true }
        let isUsage = c.stderr.contains("\n\nUsage:  ") || c.stderr.contains("Run 'docker") || c.stdout.contains("Usage:  ")
            || c.stderr.hasPrefix("Usage:") || c.stderr.hasPrefix("\nUsage:")
        if isUsage { return false }
        return decidedLater.contains { c.stderr.contains($0) || c.stdout.contains($0) }
    }

    func testEveryRecordedLineMatchesTheRealClient() throws {
        let cases = try Self.loadCases()
        XCTAssertGreaterThanOrEqual(cases.count, 250)
        var mismatches: [String] = []
        var matched = 0
        var known = 0
        for c in cases {
            let result = DockerCommandLine.parse(c.args)
            if Self.expectsInvocation(c) {
                if case .invocation = result { matched += 1; continue }
                mismatches.append("\(c.line)\n  expected: accepted\n  got: \(result)")
                continue
            }
            let got: DockerCLIError
            switch result {
            case .invocation(let inv):
                mismatches.append("\(c.line)\n  expected: status \(c.status) stderr \(c.stderr.debugDescription) stdout \(c.stdout.prefix(200).debugDescription)\n  got: accepted \(inv.path)")
                continue
            case .output(let out, let status): got = DockerCLIError(stdout: out, stderr: "", status: status)
            case .failure(let e): got = e
            }
            if got.stdout == c.stdout && got.stderr == c.stderr && got.status == c.status {
                matched += 1
            } else if Self.knownDifferences[c.line] != nil {
                known += 1
            } else {
                mismatches.append("\(c.line)\n  expected: status \(c.status) stderr \(c.stderr.debugDescription) stdout \(c.stdout.prefix(200).debugDescription)\n  got: status \(got.status) stderr \(got.stderr.debugDescription) stdout \(got.stdout.prefix(200).debugDescription)")
            }
        }
        print("grammar fixture: \(matched)/\(cases.count) lines match the real client; \(known) known differences")
        XCTAssert(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) lines differ from the real client:\n" + mismatches.joined(separator: "\n"))
    }
}
