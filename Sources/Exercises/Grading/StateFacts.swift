import LabCore

/// What matters about a lab's end state for grading, as plain sentences a learner can read:
/// containers (by name; by image and configuration when the name was generated), running or
/// not, published ports, networks with their members and aliases, volumes and mounts, images.
/// Never ids or times, so two replays of the same commands always agree.
public struct StateFacts: Sendable, Equatable {
    /// Every fact, one sentence each.
    public let facts: Set<String>

    public init(_ lab: Lab) {
        var facts = Set<String>()
        for machine in lab.machines {
            let engine = machine.engine
            let here = lab.machines.count > 1 ? " on \(machine.hostname)" : ""
            for c in engine.containers {
                let generated = c.name.contains("_") && !c.name.contains("-") && c.name.split(separator: "_").count == 2
                    && c.name.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber }
                let who = generated ? "a container from \(c.config.image)" : "container \(c.name)"
                facts.insert("\(who)\(here) exists")
                facts.insert("\(who)\(here) is \(c.state.running ? "running" : "not running")")
                if !generated { facts.insert("container \(c.name)\(here) runs image \(ImageName(c.config.image).familiar)") }
                for p in c.hostConfig.portBindings {
                    facts.insert("\(who)\(here) publishes \(p.key) on host port \(p.hostPort.isEmpty ? "(any)" : p.hostPort)")
                }
                for e in c.endpoints where !["bridge", "host", "none"].contains(e.networkName) {
                    facts.insert("\(who)\(here) is on network \(e.networkName)")
                    for alias in e.aliases { facts.insert("\(who)\(here) answers to \(alias) on network \(e.networkName)") }
                }
                for m in c.mounts where m.type == "bind" || !(engine.volumes.first { $0.name == m.name }?.anonymous ?? true) {
                    facts.insert("\(who)\(here) mounts \(m.type == "bind" ? m.source : m.name ?? "") at \(m.destination)\(m.readWrite ? "" : " read-only")")
                }
            }
            for n in engine.networks where !n.isPredefined { facts.insert("network \(n.name)\(here) exists (\(n.driver))") }
            for v in engine.volumes where !v.anonymous { facts.insert("volume \(v.name)\(here) exists") }
            for image in engine.images { for tag in image.repoTags { facts.insert("image \(tag)\(here) is present") } }
        }
        self.facts = facts
    }

    /// The expected facts this state lacks, sorted.
    public func missing(from expected: StateFacts) -> [String] { expected.facts.subtracting(facts).sorted() }
}
