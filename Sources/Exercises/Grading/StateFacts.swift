import LabCore

/// What matters about a lab's end state for grading, as plain sentences a learner can read:
/// containers (by name; by image and configuration when the name was generated), running or
/// not, published ports, networks with their members and aliases, volumes and mounts, images.
/// Never ids or times, so two replays of the same commands always agree.
public struct StateFacts: Sendable, Equatable {
    /// One fact: what it is about ("container web", "network appnet on node2"), which kind of
    /// fact it is, and the whole sentence.
    public struct Fact: Sendable, Hashable, Comparable {
        /// The kinds of fact; a missing fact is compared with the learner's facts of its subject and kind.
        public enum Kind: String, Sendable, Hashable {
            case exists, state, image, port, network, alias, mount
        }
        public let subject: String
        public let kind: Kind
        public let text: String

        public static func < (a: Fact, b: Fact) -> Bool { a.text < b.text }
    }

    /// Every fact.
    public let all: Set<Fact>
    /// Every fact's sentence.
    public var facts: Set<String> { Set(all.map(\.text)) }

    public init(_ lab: Lab) {
        var all = Set<Fact>()
        func add(_ subject: String, _ kind: Fact.Kind, _ predicate: String) {
            all.insert(Fact(subject: subject, kind: kind, text: subject + " " + predicate))
        }
        for machine in lab.machines {
            let engine = machine.engine
            let here = lab.machines.count > 1 ? " on \(machine.hostname)" : ""
            // A swarm task's container is the service's business (its name holds a random task id).
            for c in engine.containers where c.config.labels["com.docker.swarm.task.id"] == nil {
                let generated = c.name.contains("_") && !c.name.contains("-") && c.name.split(separator: "_").count == 2
                    && c.name.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber }
                let who = (generated ? "a container from \(c.config.image)" : "container \(c.name)") + here
                add(who, .exists, "exists")
                add(who, .state, c.state.running ? "is running" : "is not running")
                if !generated { add(who, .image, "runs image \(ImageName(c.config.image).familiar)") }
                for p in c.hostConfig.portBindings {
                    add(who, .port, "publishes \(p.key) on host port \(p.hostPort.isEmpty ? "(any)" : p.hostPort)")
                }
                for e in c.endpoints where !["bridge", "host", "none"].contains(e.networkName) {
                    add(who, .network, "is on network \(e.networkName)")
                    for alias in e.aliases { add(who, .alias, "answers to \(alias) on network \(e.networkName)") }
                }
                for m in c.mounts where m.type == "bind" || !(engine.volumes.first { $0.name == m.name }?.anonymous ?? true) {
                    add(who, .mount, "mounts \(m.type == "bind" ? m.source : m.name ?? "") at \(m.destination)\(m.readWrite ? "" : " read-only")")
                }
            }
            for n in engine.networks where !n.isPredefined { add("network \(n.name)\(here)", .exists, "exists (\(n.driver))") }
            for v in engine.volumes where !v.anonymous { add("volume \(v.name)\(here)", .exists, "exists") }
            for image in engine.images { for tag in image.repoTags { add("image \(tag)\(here)", .exists, "is present") } }
        }
        if let swarm = lab.swarm { Self.swarmFacts(swarm, lab, add) }
        self.all = all
    }

    /// The swarm's facts: its nodes' roles and availability, services (replicas or global, image,
    /// published ports, networks, secrets), secrets and configs.
    static func swarmFacts(_ swarm: SwarmCluster, _ lab: Lab, _ add: (String, Fact.Kind, String) -> Void) {
        for node in swarm.nodes where !node.left {
            add("node \(node.hostname)", .exists, "is in the swarm")
            add("node \(node.hostname)", .state, "is a \(node.role)")
            if node.availability != "active" { add("node \(node.hostname)", .alias, "is \(node.availability == "drain" ? "drained" : "paused")") }
        }
        let networks = Dictionary(lab.machines.flatMap { $0.engine.networks.filter { $0.scope == "swarm" } }.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for service in swarm.services {
            let who = "service \(service.spec.name)"
            add(who, .exists, "exists")
            add(who, .state, service.spec.replicas.map { "runs \($0) replica\($0 == 1 ? "" : "s")" } ?? "runs on every node (global)")
            let image = ImageName(String(service.spec.image.split(separator: "@").first ?? ""))
            add(who, .image, "runs image \(image.repository):\(image.tag ?? "latest")")
            for p in service.spec.ports { add(who, .port, "publishes \(p.publishedPort) to port \(p.targetPort)/\(p.protocolName)") }
            for n in service.spec.networks { add(who, .network, "is on network \(networks[n.target] ?? n.target)") }
            for secret in service.spec.secrets { add(who, .mount, "uses secret \(secret.name)") }
        }
        for secret in swarm.secrets { add("secret \(secret.name)", .exists, "exists") }
        for config in swarm.configs { add("config \(config.name)", .exists, "exists") }
    }

    /// The expected facts this state lacks, sorted.
    public func missing(from expected: StateFacts) -> [String] { expected.facts.subtracting(facts).sorted() }

    /// What this state has instead of `fact`, in words: the facts of the same subject and kind,
    /// else that the subject exists without it, else that there is no such thing.
    public func found(insteadOf fact: Fact) -> String {
        let same = all.filter { $0.subject == fact.subject && $0.kind == fact.kind }.map(\.text).sorted()
        if !same.isEmpty { return same.joined(separator: "; ") }
        if all.contains(where: { $0.subject == fact.subject }) {
            return fact.kind == .exists ? fact.subject + " is there" : "\(fact.subject) exists, without this"
        }
        return "no \(fact.subject)"
    }
}
