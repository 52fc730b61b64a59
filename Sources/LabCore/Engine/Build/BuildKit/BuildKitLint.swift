/// The Dockerfile frontend's build checks that warn (moby/buildkit v0.22.0
/// frontend/dockerfile/linter/ruleset.go for the rules' names and messages,
/// linter.go `LintFormatShort` for `NAME: message (line N)`): the ones the parser runs
/// (instructions/parse.go: StageNameCasing, FromAsCasing, MaintainerDeprecated; convert.go
/// `validateCommandCasing`: ConsistentInstructionCasing) and, for the stages the build needs,
/// the ones dispatch runs (convert.go: LegacyKeyValueFormat, JSONArgsRecommended,
/// WorkdirRelativePath). Each warning is reported on the Dockerfile's vertex (`#1 WARN: …`) and
/// listed after the build. The experimental rules and those about variables are not run here.
enum BuildKitLint {
    static func short(_ rule: String, _ message: String, line: Int) -> BuildWarning {
        BuildWarning(short: rule + ": " + message + " (line \(line))")
    }

    /// The parser's checks, in the Dockerfile's order, then the casing of the instructions.
    static func parsing(_ file: Dockerfile) -> [BuildWarning] {
        var out: [BuildWarning] = []
        for ins in file.instructions {
            let word = String(ins.original.prefix { $0 != " " && $0 != "\t" })
            if ins.keyword == "FROM" {
                let args = ins.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if args.count == 3, args[2] != args[2].lowercased() {
                    out.append(short("StageNameCasing", "Stage name '\(args[2])' should be lowercase", line: ins.line))
                }
                if args.count >= 3, word == word.lowercased() || word == word.uppercased() {
                    let matches = word == word.lowercased() ? args[1] == args[1].lowercased() : args[1] == args[1].uppercased()
                    if !matches { out.append(short("FromAsCasing", "'\(args[1])' and '\(word)' keywords' casing do not match", line: ins.line)) }
                }
            }
            if ins.keyword == "MAINTAINER" {
                out.append(short("MaintainerDeprecated", "Maintainer instruction is deprecated in favor of using label", line: ins.line))
            }
        }
        // ConsistentInstructionCasing: the majority of the stages' instructions decides.
        let words = file.instructions.drop { $0.keyword != "FROM" }.map { String($0.original.prefix { $0 != " " && $0 != "\t" }) }
        let consistent = words.filter { $0 == $0.lowercased() || $0 == $0.uppercased() }
        let lower = consistent.filter { $0 == $0.lowercased() }.count
        let majorityLower = lower > consistent.count - lower
        for (word, ins) in zip(words, file.instructions.drop { $0.keyword != "FROM" }) {
            let correct = majorityLower ? (word.lowercased() != word ? "lowercase" : nil) : (word.uppercased() != word ? "uppercase" : nil)
            if let correct {
                out.append(short("ConsistentInstructionCasing", "Command '\(word)' should match the case of the command majority (\(correct))", line: ins.line))
            }
        }
        return out
    }

    /// Dispatch's checks for one stage the build needs; `shell` is whether its base sets a SHELL.
    static func dispatching(_ stage: BuildKitPlan.Stage, baseHasShell: Bool) -> [BuildWarning] {
        var out: [BuildWarning] = []
        var shell = baseHasShell
        var workdirSet = false
        for ins in stage.instructions {
            let word = String(ins.original.prefix { $0 != " " && $0 != "\t" })
            switch ins.keyword {
            case "ENV", "LABEL":
                if !ins.text.contains("=") {
                    out.append(short("LegacyKeyValueFormat", "\"\(word) key=value\" should be used instead of legacy \"\(word) key value\" format", line: ins.line))
                }
            case "CMD", "ENTRYPOINT":
                if ins.json == nil && !shell {
                    out.append(short("JSONArgsRecommended", "JSON arguments recommended for \(word) to prevent unintended behavior related to OS signals",
                                     line: ins.line))
                }
            case "SHELL": shell = true
            case "WORKDIR":
                if !workdirSet && !ins.text.hasPrefix("/") && !ins.text.hasPrefix("$") {
                    out.append(short("WorkdirRelativePath", "Relative workdir \(goQuote(ins.text)) can have unexpected results if the base image changes",
                                     line: ins.line))
                }
                workdirSet = true
            default: break
            }
        }
        return out
    }
}
