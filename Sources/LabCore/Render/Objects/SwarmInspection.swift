/// What `docker node|service|secret|config inspect` share (docker/cli cli/command/inspect): the
/// found objects as an indented JSON array (`--format json` compact), one `-f` template line per
/// object, or the `--pretty` text; then the errors of the ones not found, exit status 1.
enum SwarmInspection {
    /// Renders found objects (their Engine API JSON, and their `--pretty` text) and the errors.
    /// `fieldKinds` says which fields are Go slices, maps or byte slices for `-f` (configs' and
    /// secrets' `Spec.Data` is a `[]byte`).
    static func output(
        _ i: DockerInvocation, json objects: [JSONValue], pretty: [String], errors: [String],
        fieldKinds: [String: GoTemplate.FieldKind] = GoTemplate.dockerFieldKinds
    ) -> CommandOutput {
        var errors = errors
        var out = CommandOutput()
        let fmt = i.value("format") ?? ""
        if i.flag("pretty") {
            out.stdout = pretty.joined()
        } else if fmt.isEmpty || fmt == "json" {
            out.stdout = fmt == "json" ? JSONValue.inspectCompactDocument(objects) : JSONValue.inspectDocument(objects)
        } else {
            do {
                let template = try TemplateCache.shared.template(fmt)
                for o in objects { out.stdout += try template.render(o, options: GoTemplate.Options(missingKey: .dockerInspect, fieldKinds: fieldKinds)) + "\n" }
            } catch {
                errors.append("template parsing error: " + error.message)
            }
        }
        if !errors.isEmpty {
            out.stderr = errors.joined(separator: "\n") + "\n"
            out.status = 1
        }
        return out
    }

    /// Prints the output; a failure becomes the marker error the command layer turns into status 1.
    static func print(_ out: CommandOutput, _ p: inout ProcessContext) throws(EngineError) {
        _ = DockerDaemon.print(out, &p)
        if out.status != 0 { throw .other("", status: -2) }
    }
}
