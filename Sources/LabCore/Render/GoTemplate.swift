/// A Go text/template, parsed once and rendered any number of times against JSONValue data,
/// with docker's template functions (`json`, `join`, `split`, `title`, `upper`, `lower`,
/// `pad`, `truncate`) and Go's builtins. Parse a `--format` once per command and reuse it
/// for every row.
public struct GoTemplate: Sendable {
    /// What happens when a template reads a key an object does not have.
    public enum MissingKey: Sendable, Equatable {
        /// Go's default for maps: the value is missing and prints `<no value>`.
        case noValue
        /// `missingkey=error`, as `docker inspect -f` runs on its raw-map fallback:
        /// `map has no entry for key "Foo"`.
        case error
        /// The data stands for a Go struct of this type, e.g. `*formatter.ContainerContext`
        /// for `docker ps`: `can't evaluate field Foo in type *formatter.ContainerContext`.
        case structType(String)
        /// What `docker inspect -f` does: execute against the typed Go struct, and when that
        /// fails, again against the raw JSON map with missingkey=error, reporting the second
        /// error. The typed pass is approximated: an object whose keys all look like exported
        /// Go field names (`State`, `IPAddress`) is taken for a struct (a missing field is an
        /// error), any other object (labels, ports, networks, empty objects) for a map (a
        /// missing key prints `<no value>`). In the second pass numbers are json.Number values.
        case dockerInspect
    }

    /// A method callable on any object as `{{.Name arg…}}` (e.g. `{{.Label "com.x"}}` on a
    /// `docker ps` row). Methods win over keys of the same name.
    public struct Method: Sendable {
        public let arity: Int
        public let body: @Sendable (_ receiver: JSONValue, _ args: [JSONValue]) -> JSONValue
        public init(arity: Int, body: @escaping @Sendable (_ receiver: JSONValue, _ args: [JSONValue]) -> JSONValue) {
            self.arity = arity
            self.body = body
        }
    }

    /// The Go kind of a field whose JSON value may be null or absent.
    public enum FieldKind: Sendable {
        case slice
        case map
        case pointer
        /// An omitempty string: absent from the JSON, "" in the Go struct.
        case string
        /// A `[]byte`: base64 text in the JSON, its bytes in the Go struct (`[104 105]` with `%v`,
        /// the text itself with `%s`), as a secret's or config's `Spec.Data`.
        case bytes
    }

    /// The kinds for swarm configs and secrets, whose `Spec.Data` is a `[]byte` (swarm.ConfigSpec).
    public static let swarmFileFieldKinds: [String: FieldKind] = {
        var d = dockerFieldKinds
        d["Data"] = .bytes
        return d
    }()

    /// Docker Engine API fields (containers, images, networks, volumes) that are Go slices,
    /// maps or pointers (docker/docker api/types; checked by inspecting objects). Any
    /// printing of structs is an approximation: a struct prints `{v1 v2 …}` in field order.
    /// Values are exported Go field names; "Config", which is a pointer in one place and a map
    /// in another, is left out.
    public static let dockerFieldKinds: [String: FieldKind] = {
        var d: [String: FieldKind] = [:]
        for s in [
            "Args", "ExecIDs", "Binds", "Links", "VolumesFrom", "CapAdd", "CapDrop", "Dns", "DnsOptions", "DnsSearch",
            "ExtraHosts", "GroupAdd", "SecurityOpt", "Devices", "DeviceCgroupRules", "DeviceRequests", "Ulimits",
            "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
            "BlkioDeviceWriteIOps", "MaskedPaths", "ReadonlyPaths", "Mounts", "Cmd", "Entrypoint", "Env", "OnBuild",
            "Shell", "Aliases", "DNSNames", "RepoTags", "RepoDigests", "Layers", "SecondaryIPAddresses",
            "SecondaryIPv6Addresses", "Test", "Peers", "Services", "Warnings", "Capabilities", "Secrets", "Configs",
            // A swarm service's endpoint (a dnsrr service has none: Fixtures/swarm 08).
            "VirtualIPs",
        ] { d[s] = .slice }
        for m in [
            "Labels", "Volumes", "ExposedPorts", "Ports", "PortBindings", "Tmpfs", "Sysctls", "StorageOpt", "DriverOpts",
            "Options", "Annotations", "Containers", "Networks", "Status", "UsageData", "Data",
        ] { d[m] = .map }
        for p in [
            "Health", "Healthcheck", "IPAMConfig", "Init", "OomKillDisable", "PidsLimit", "StopTimeout",
            "MemorySwappiness", "Platform",
        ] { d[p] = .pointer }
        // IPAM's config (network.IPAMConfig): omitempty strings.
        for s in ["Gateway", "IPRange"] { d[s] = .string }
        return d
    }()

    /// Execution settings.
    public struct Options: Sendable {
        public var missingKey: MissingKey
        public var methods: [String: Method]
        /// Use docker's table-header functions (`json`, `split`, `join`, `title`, `lower`,
        /// `upper`, `truncate` return their first argument unchanged), as docker does when it
        /// renders the header row of a `table` format.
        public var headerFunctions: Bool
        /// `json` of the whole row escapes `<` `>` `&` (as \u003c…): docker's formatter
        /// contexts (`docker ps`, `images`, `network ls`…) marshal themselves with
        /// json.Marshal, while `json` of any field does not escape. Set it for those commands.
        public var rootJSONEscapesHTML: Bool
        /// Go kinds of fields by name, standing in for the type information JSON loses:
        /// a null under a `.slice` field prints `[]`, under a `.map` field `map[]` (others
        /// `<nil>`); an object under a `.map` field prints as `map[k:v …]` even when its keys
        /// look like Go field names; and with `.dockerInspect` a listed field missing from a
        /// struct (an omitempty field) reads as nil instead of failing.
        public var fieldKinds: [String: FieldKind]
        /// JSON keys with no Go struct field of that name (docker's `ID` field is `"Id"` in
        /// JSON): with `.dockerInspect`, reading one fails the typed pass, as it does in docker,
        /// so the raw-map pass answers.
        public var jsonOnlyKeys: Set<String>

        public init(
            missingKey: MissingKey = .noValue, methods: [String: Method] = [:], headerFunctions: Bool = false,
            rootJSONEscapesHTML: Bool = false, fieldKinds: [String: FieldKind] = GoTemplate.dockerFieldKinds,
            jsonOnlyKeys: Set<String> = ["Id"]
        ) {
            self.jsonOnlyKeys = jsonOnlyKeys
            self.fieldKinds = fieldKinds
            self.missingKey = missingKey
            self.methods = methods
            self.headerFunctions = headerFunctions
            self.rootJSONEscapesHTML = rootJSONEscapesHTML
        }
    }

    /// The source text as given.
    public let source: String
    /// The template's name as errors show it: "" for almost every docker command,
    /// "version" for `docker version --format`.
    public let name: String
    let nodes: [TemplateNode]
    let defined: [String: [TemplateNode]]
    /// The root value's fields the template can read, or nil when it may read all of it.
    public let rootFields: Set<String>?

    /// Parses `source`; throws Go's parse error text (`template: :1: unclosed action`).
    public init(_ source: String, name: String = "") throws(GoTemplateError) {
        self.source = source
        self.name = name
        (self.nodes, self.defined) = try TemplateParser.parse(source, name: name)
        rootFields = TemplateParser.rootFields(nodes)
    }

    /// Renders against `value`. On an execution error Go has already written the output
    /// produced before the failing action; docker discards it, and so does this method.
    public func render(_ value: JSONValue, options: Options = Options()) throws(GoTemplateError) -> String {
        if options.missingKey == .dockerInspect {
            var typed = TemplateExecutor(template: self, options: options, root: value)
            if (try? typed.walk(value, nodes)) != nil { return typed.out }
            var rawOptions = options
            rawOptions.missingKey = .error
            var raw = TemplateExecutor(template: self, options: rawOptions, root: value)
            raw.rawPass = true
            _ = try raw.walk(value, nodes)
            return raw.out
        }
        var ex = TemplateExecutor(template: self, options: options, root: value)
        _ = try ex.walk(value, nodes)
        return ex.out
    }

    /// Like `render`, but returns what was written before an execution error along with it
    /// (docker's table header is rendered this way, ignoring the error).
    public func renderPartial(_ value: JSONValue, options: Options = Options()) -> (String, GoTemplateError?) {
        var ex = TemplateExecutor(template: self, options: options, root: value)
        do {
            _ = try ex.walk(value, nodes)
            return (ex.out, nil)
        } catch {
            return (ex.out, error)
        }
    }
}
