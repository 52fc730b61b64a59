import ArgumentParser
import Foundation
import LabCore

/// `lab bench`: the performance figures the README reports (run it in release mode).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the lab's speed (run with: swift run -c release lab bench).",
        discussion: "Throughputs are per CPU-second of the measuring thread, so they describe one core whatever else the machine runs.")

    @Option(help: "CPU seconds to spend on each measurement.")
    var seconds: Double = 2

    @Option(help: "Run only this measurement: parse, replay or memory.")
    var only: String?

    func validate() throws {
        if let only, !["parse", "replay", "memory"].contains(only) { throw ValidationError("--only takes parse, replay or memory") }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be between 0 and 600") }
    }

    func run() throws {
        if only == nil || only == "parse" {
            let parse = ParseBenchmark.run(seconds: seconds)
            print("shell + docker grammar parse: \(Int(parse.linesPerSecond)) lines/s on one core "
                  + "(\(parse.lines) lines, \(parse.dockerCommands) docker commands, \(String(format: "%.2f", parse.seconds)) CPU s)")
        }
        if only == nil || only == "replay" {
            let replay = EngineBenchmark.replay(seconds: seconds)
            print("replayed docker commands: \(Int(replay.commandsPerSecond)) commands/s on one core "
                  + "(\(replay.commands) commands of a \(EngineBenchmark.session.count)-command session, \(String(format: "%.2f", replay.seconds)) CPU s)")
        }
        if only == nil || only == "memory" {
            let memory = EngineBenchmark.memory(containers: 100)
            print("a session with 100 containers: \(memory.savedBytes / 1024) KiB saved, \(memory.residentBytes / 1024) KiB resident")
        }
    }
}
