import Foundation
import XCTest
@testable import Exercises

/// Transcripts in the forms learners hand in: what is read as commands (with line numbers),
/// what is output, and what is reported as a problem.
final class TranscriptTests: XCTestCase {
    func testPromptsAreRecognisedAndOtherLinesAreNot() {
        let prompts: [(String, String?)] = [
            ("$ docker ps", "$ "),
            ("$", "$"),
            ("user@host:~$ docker ps", "user@host:~$ "),
            ("root@node1:~# docker ps", "root@node1:~# "),
            ("root@3f2a1b9c:/# ls", "root@3f2a1b9c:/# "),
            ("alice@lab-pc:/srv/app$ docker compose up", "alice@lab-pc:/srv/app$ "),
            ("[user@fedora ~]$ docker images", "[user@fedora ~]$ "),
            ("me@MacBook-Pro ~ % docker ps", "me@MacBook-Pro ~ % "),
            ("/ # ls", "/ # "),
            ("/app # cat x", "/app # "),
            ("~ # exit", "~ # "),
            ("docker ps", nil),
            ("# a comment", nil),
            ("$HOME/bin/tool", nil),
            ("CONTAINER ID   IMAGE     COMMAND", nil),
            ("ssh user@host ls", nil),
            ("/usr/bin/docker ps", nil),
            ("", nil),
        ]
        for (line, prompt) in prompts {
            XCTAssertEqual(TerminalPrompt.length(of: Substring(line)).map { String(line.prefix($0)) }, prompt, line)
        }
    }

    func testPlainCommandsJoinContinuationsAndHereDocuments() {
        let t = Transcript.parse("""
            # my work
            docker network create appnet

            docker run -d --name web \\
              --network appnet nginx
            cat > /root/page.html <<EOF
            <h1>hi</h1>
            EOF
            docker ps
            """)
        XCTAssertEqual(t.form, .commands)
        XCTAssertEqual(t.commands.map(\.line), [2, 4, 6, 9])
        XCTAssertEqual(t.commands[1].text, "docker run -d --name web \\\n  --network appnet nginx")
        XCTAssertEqual(t.commands[2].text, "cat > /root/page.html <<EOF\n<h1>hi</h1>\nEOF")
        XCTAssertEqual(t.problems, [])
    }

    func testUnreadableLinesAreReportedWithTheirNumbersAndKept() {
        let t = Transcript.parse("docker ps\ndocker run -d nginx )\necho 'open\n")
        XCTAssertEqual(t.commands.map(\.line), [1, 2, 3])
        XCTAssertEqual(t.problems.map(\.line), [2, 3])
        XCTAssertEqual(t.problems[0].message, "bash: syntax error near unexpected token `)'")
        XCTAssertTrue(t.problems[1].message.hasPrefix("the command is not finished"), t.problems[1].message)
    }

    func testTerminalCopyKeepsCommandsAndDropsOutput() {
        let t = Transcript.parse("""
            Last login: Mon Nov 30 09:12:01 2026
            alice@laptop:~$ docker run -d --name web nginx
            Unable to find image 'nginx:latest' locally
            3f2a1b9c
            alice@laptop:~$ docker exec -it web sh -c 'echo \\
            > hi'
            hi
            alice@laptop:~$
            alice@laptop:~$ docker ps
            CONTAINER ID   IMAGE   COMMAND
            """)
        XCTAssertEqual(t.form, .terminal)
        XCTAssertEqual(t.commands.map(\.line), [2, 5, 9])
        XCTAssertEqual(t.commands[1].text, "docker exec -it web sh -c 'echo \\\nhi'")
        XCTAssertEqual(t.commands[0].prompt, "alice@laptop:~$ ")
        XCTAssertEqual(t.problems, [])
    }

    func testExportRoundTripsThroughTheTerminalForm() {
        let entries = [
            LabStore.HistoryEntry(machine: "node1", line: "docker run -it --name box alpine sh", status: 0, prompt: "root@node1:~# "),
            LabStore.HistoryEntry(machine: "node1", line: "echo hi > /tmp/x", status: 0, prompt: "/ # "),
            LabStore.HistoryEntry(machine: "node1", line: "exit", status: 0, prompt: "/ # "),
            LabStore.HistoryEntry(machine: "node1", line: "cat <<EOF\na\nEOF\ndocker ps", status: 0, prompt: nil),
        ]
        let text = SessionExport.text(session: "default", entries: entries)
        XCTAssertEqual(text, """
            # lab export of session default: 5 commands
            root@node1:~# docker run -it --name box alpine sh
            / # echo hi > /tmp/x
            / # exit
            root@node1:~# cat <<EOF
            > a
            > EOF
            root@node1:~# docker ps

            """)
        let t = Transcript.parse(text)
        XCTAssertEqual(t.form, .export)
        XCTAssertEqual(t.commands.map(\.text), ["docker run -it --name box alpine sh", "echo hi > /tmp/x", "exit", "cat <<EOF\na\nEOF", "docker ps"])
    }

    func testBinaryAndOversizedInputAreUnusable() {
        XCTAssertEqual(Transcript.read(Data([0x64, 0x6F, 0x00, 0x01]), maxBytes: 100).failureValue, .binary(offset: 2))
        XCTAssertEqual(Transcript.read(Data([0x64, 0xC3, 0x28]), maxBytes: 100).failureValue, .binary(offset: 1))
        XCTAssertEqual(Transcript.read(Data(repeating: 0x61, count: 101), maxBytes: 100).failureValue, .tooLarge(bytes: 101, limit: 100))
        XCTAssertNil(Transcript.read(Data("docker ps\r\n".utf8), maxBytes: 100).failureValue)
        XCTAssertEqual(UnusableTranscript.binary(offset: 2).description, "not a text transcript: binary data at byte 2")
    }

    /// Nesting deep enough to exhaust a stack is a syntax error with its line, never a crash.
    func testDeepNestingIsReportedNotACrash() {
        for text in [String(repeating: "(", count: 1_000), String(repeating: "echo $(", count: 5_000), String(repeating: "{ ", count: 5_000),
                     String(repeating: "echo ${a:-", count: 5_000)] {
            let t = Transcript.parse(text)
            XCTAssertEqual(t.commands.count, 1)
            XCTAssertFalse(t.problems.isEmpty, String(text.prefix(20)))
        }
    }

    /// A `$ ` line inside a here-document of a command file does not turn the file into a terminal copy.
    func testPromptLikeLinesInAHereDocumentKeepTheCommandForm() {
        let t = Transcript.parse("docker run -d --name web nginx\ncat > notes.md <<EOF\n$ docker ps\nEOF\n")
        XCTAssertEqual(t.form, .commands)
        XCTAssertEqual(t.commands.count, 2)
    }

    func testAnEndlessQuoteIsCutNotReadForever() {
        let text = "echo 'open\n" + String(repeating: "line\n", count: 2_000)
        let t = Transcript.parse(text)
        XCTAssertGreaterThan(t.commands.count, 1)
        XCTAssertEqual(t.problems.first?.message, "a command longer than \(Transcript.maxCommandLines) lines or \(Transcript.maxCommandBytes) bytes was cut there")
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
