/// Which inspect command ran: `docker inspect` (any object, or `--type`), or one object kind's own.
public enum InspectKind: String, Sendable {
    case any, container, image, network, volume
}

/// `docker inspect` and `docker container|image|network|volume inspect`: each named object's
/// JSON (an indented array, `--format json` compact) or one `-f` template line per object, then
/// each missing object's error in the command's own wording (recorded in Fixtures/render), exit 1.
public enum ObjectInspection {
    static let types = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"]

    public static func inspect(_ invocation: DockerInvocation, kind: InspectKind, engine: DockerEngine, now: Double) -> CommandOutput {
        var kind = kind
        if kind == .any, let type = invocation.value("type"), !type.isEmpty {
            guard types.contains(type) else {
                let list = types.map { "\"\($0)\"" }.joined(separator: ", ")
                return CommandOutput(stderr: "unknown type: \(goQuote(type)): must be one of \(list)\n", status: 1)
            }
            kind = InspectKind(rawValue: type) ?? .any
        }
        let format = invocation.value("format") ?? ""
        var template: GoTemplate?
        if !format.isEmpty && format != "json" {
            do {
                template = try TemplateCache.shared.template(format)
            } catch {
                return CommandOutput(stderr: "template parsing error: " + error.message + "\n", status: 64)
            }
        }
        let size = invocation.flag("size")
        var objects: [JSONValue] = []
        var lines = ""
        var errors: [String] = []
        for name in invocation.arguments {
            let found: JSONValue
            switch lookup(name, kind: kind, engine: engine, now: now, size: size, fields: template?.rootFields) {
            case .success(let value): found = value
            case .failure(let message):
                errors.append(message)
                continue
            }
            guard let template else {
                objects.append(found)
                continue
            }
            do {
                lines += try template.render(found, options: GoTemplate.Options(missingKey: .dockerInspect)) + "\n"
            } catch {
                errors.append("template parsing error: " + error.message)
            }
        }
        var out = CommandOutput()
        if template != nil {
            out.stdout = lines.isEmpty ? "\n" : lines
        } else {
            out.stdout = format == "json" ? JSONValue.inspectCompactDocument(objects) : JSONValue.inspectDocument(objects)
        }
        if !errors.isEmpty {
            out.stderr = errors.joined(separator: "\n") + "\n"
            out.status = 1
        }
        return out
    }

    enum Lookup { case success(JSONValue), failure(String) }

    /// Finds one object: by kind, or (docker inspect) a container, image, network, then volume.
    /// `fields`: the root fields a `-f` template reads, when known (a container's JSON is then
    /// built in part).
    static func lookup(_ name: String, kind: InspectKind, engine: DockerEngine, now: Double, size: Bool,
                       fields: Set<String>? = nil) -> Lookup {
        let daemon = "Error response from daemon: "
        if kind == .any || kind == .container {
            do {
                let i = try engine.containerIndex(name)
                let only = fields.flatMap { $0.isSubset(of: ContainerInspect.fields) ? $0 : nil }
                return .success(ContainerInspect.json(engine.containers[i], engine: engine, now: now, size: size, only: only))
            } catch {
                if case .ambiguousContainer = error { return .failure(daemon + error.message) }
                if kind == .container { return .failure(daemon + error.message) }
            }
        }
        if kind == .any || kind == .image {
            if !name.isEmpty, let i = engine.imageIndex(name) { return .success(image(engine.images[i])) }
            if kind == .image { return .failure(daemon + "no such image: \(name): No such image: \(ImageName(name).familiar)") }
        }
        if kind == .any || kind == .network {
            if !name.isEmpty, let i = engine.networkIndex(name) { return .success(network(engine.networks[i], engine: engine)) }
            if kind == .network { return .failure(daemon + EngineError.noSuchNetwork(name).message) }
        }
        if kind == .any || kind == .volume {
            if let i = engine.volumeIndex(name) { return .success(volume(engine.volumes[i])) }
            if kind == .volume { return .failure(daemon + EngineError.noSuchVolume(name).message) }
        }
        return .failure("Error: No such object: \(name)")
    }

    /// A container's inspect JSON.
    public static func container(_ c: Container, engine: DockerEngine, now: Double, size: Bool = false) -> JSONValue {
        ContainerInspect.json(c, engine: engine, now: now, size: size)
    }

    /// An image's inspect JSON.
    public static func image(_ image: LocalImage) -> JSONValue { ImageInspect.json(image) }

    /// A network's inspect JSON, with the containers attached to it.
    public static func network(_ n: Network, engine: DockerEngine) -> JSONValue { NetworkInspect.json(n, engine: engine) }

    /// A volume's inspect JSON.
    public static func volume(_ v: Volume) -> JSONValue { VolumeInspect.json(v) }
}
