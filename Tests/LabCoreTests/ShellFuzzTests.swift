import XCTest
@testable import LabCore

/// Random shell-looking input must never crash or hang the parser or the interpreter.
final class ShellFuzzTests: XCTestCase {
    func testRandomInputNeverCrashes() {
        let pieces = ["echo", " ", "a", "'", "\"", "\\", "$", "(", ")", "{", "}", "`", "|", "&", ";", "<", ">", "<<",
                      "EOF", "\n", "#", "*", "?", "[", "]", "~", "=", "X", "$(", "${", "}", "2>&1", "if", "then", "fi",
                      "for", "in", "do", "done", "while", "!", "-n", "cat", "ls", "-", ",", "..", "1", "read", "break",
                      "$((", "))", "<<<", "<<-", "\t", "cd", "sh -c", "exit", "xargs", "grep", "sort", "[", "test",
                      "f()", "f", "return", "[[", "]]", "awk", "sed", "{print $1}", "s/a/b/", "set -e", "local", "$'"]
        var rng = IDSource(seed: 42)
        let shell = Shell(limits: ShellLimits(maxCommands: 200, maxOutputBytes: 1 << 16, maxSubstitutionDepth: 8))
        for _ in 0..<3000 {
            var source = ""
            for _ in 0..<Int(rng.next() % 14) { source += pieces[Int(rng.next() % UInt64(pieces.count))] }
            // The fast path must agree with the full parser.
            var full = ShellParser(source)
            var commands: [ShellList] = []
            var failure: ShellSyntaxError?
            do { while let list = try full.nextCompleteCommand() { commands.append(list) } } catch { failure = error }
            switch Shell.parse(source) {
            case .success(let script):
                XCTAssertNil(failure, source)
                XCTAssertEqual(script, ShellScript(commands: commands, hereDocuments: full.hereDocuments), source)
            case .failure(let error):
                XCTAssertEqual(error, failure, source)
            }
            _ = Shell.needsMoreInput(source)
            var lab = Lab()
            for origin in [ShellOrigin.commandString, .interactive] {
                _ = shell.run(source, origin: origin, lab: &lab, output: DiscardedOutput())
            }
        }
    }

    func testRunawayLoopsStopAtTheLimit() {
        var lab = Lab()
        let output = CapturedOutput()
        let outcome = Shell(limits: ShellLimits(maxCommands: 1000)).run("while true; do :; done; echo never",
                                                                         origin: .commandString, lab: &lab, output: output)
        XCTAssertEqual(output.stderr, "lab: command limit of 1000 commands exceeded\n")
        XCTAssertEqual(outcome.status, 1)
        let yes = CapturedOutput()
        _ = Shell(limits: ShellLimits(maxOutputBytes: 1000)).run("while true; do echo y; done", origin: .commandString,
                                                                  lab: &lab, output: yes)
        XCTAssertEqual(yes.stdout.count, 1000)
        XCTAssertEqual(yes.stderr, "lab: output limit of 1000 bytes exceeded\n")
        let deep = CapturedOutput()
        _ = Shell().run("echo 'sh s.sh' > s.sh; sh s.sh", origin: .commandString, lab: &lab, output: deep)
        XCTAssertEqual(deep.stderr, "lab: command substitution depth limit of 32 exceeded\n")
    }

    func testHostileArgumentsDoNotTrap() {
        var lab = Lab()
        let output = CapturedOutput()
        let source = """
        sleep inf; sleep 1e308; date; ls -l; printf '%f %d %999999999s|\\n' 1e300 99999999999999999999 x | wc -c
        echo $(( -9223372036854775807 - 1 )) $(( (-9223372036854775807 - 1) / -1 )); ( echo $(( 5 % 0 )) )
        date -d @99999999999999; echo {1..9999999999} | wc -c; echo {1..3}{1..3} | wc -w
        echo a | awk '{ $(1e30) = 1 }'; echo a | awk '{ print substr($0, 1e300, 1e300), $(1e19) }'; echo done
        """
        _ = Shell().run(source, origin: .commandString, lab: &lab, output: output)
        XCTAssertTrue(output.stdout.hasSuffix("done\n"), output.combined)
        XCTAssertLessThanOrEqual(lab.clock.elapsed, 2 * 365 * 86400)
    }
}
