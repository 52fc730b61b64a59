/// `docker stack …` (docker/cli cli/command/stack): deploy from a Compose file of the lab's
/// files, ls, services, ps, rm, with the client's own notices and refusals (Fixtures/swarm 11).
enum StackCommands {
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, lab: inout Lab) -> Int32? {
        guard i.path.first == "stack", i.path.count == 2 else { return nil }
        return ServiceCommands.run(&p) { (p: inout ProcessContext) throws(EngineError) in
            switch i.path[1] {
            case "deploy": try deploy(i, &p, &lab)
            case "ls":
                try lab.requireManager()
                p.write(ListFormat.table(["NAME", "SERVICES"], lab.stacks().map { [$0.name, String($0.services)] }))
            case "services":
                try lab.requireManager()
                let stack = i.arguments.first ?? ""
                guard lab.stacks().contains(where: { $0.name == stack }) else { return p.writeError("Nothing found in stack: \(stack)\n") }
                try ServiceListing.list(i, &p, lab, stack: stack)
            case "ps":
                try lab.requireManager()
                let stack = i.arguments.first ?? ""
                guard let swarm = lab.swarm, lab.stacks().contains(where: { $0.name == stack }) else {
                    throw .other("nothing found in stack: \(stack)", status: -1)
                }
                let ids = Set(swarm.services.filter { $0.spec.labels[Lab.stackLabel] == stack }.map(\.id))
                try ServiceListing.printTasks(i, &p, ServiceListing.filtered(i, swarm.tasks.filter { ids.contains($0.serviceID) }, swarm), swarm, lab)
            case "rm":
                for stack in i.arguments {
                    guard let lines = try lab.removeStack(stack) else { p.writeError("Nothing found in stack: \(stack)\n"); continue }
                    p.write(lines.map { $0 + "\n" }.joined())
                }
            default:
                throw .other("lab: 'docker stack \(i.path[1])' is not simulated yet", status: -1)
            }
        }
    }

    static func deploy(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) {
        let files = i.values("compose-file")
        guard let path = files.first else { throw .other("Specify a Compose file (with --compose-file)", status: -1) }
        try lab.requireManager()
        let full = p.resolve(path)
        guard let text = lab.machine.files.contents(of: full) else { throw .other("open \(path): no such file or directory", status: -1) }
        let parsed = try StackFile.parse(text)
        if !parsed.unsupported.isEmpty { p.writeError("Ignoring unsupported options: \(parsed.unsupported.joined(separator: ", "))\n\n") }
        let folder = full.split(separator: "/").dropLast().joined(separator: "/")
        let stack = i.arguments.first ?? ""
        if !i.flag("detach") {
            p.writeError("Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n")
        }
        let lines = try lab.deployStack(stack, file: StackFileReference(parsed: parsed, folder: "/" + folder))
        p.write(lines.map { $0 + "\n" }.joined())
    }
}
