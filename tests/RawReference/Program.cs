using Npgsql;
using QuoinApi.RawReference;

// The raw reference of build/load.sh (docs/benchmarks.md, "HTTP load"): the same database work as the API's product
// endpoints, with nothing else: no logging, no authentication, no validation beyond what keeps the SQL well-formed.
// The tenant comes from the X-Tenant-Id header, so one wrk run can spread writes over many tenants.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RawJsonContext.Default));

var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required.");

// One pool of the API's default size (Database:MaxPoolSize = 30); every other Npgsql setting left at its default.
var settings = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30, ApplicationName = "quoinapi-raw" };
await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
await RawSchema.CreateAsync(dataSource);

var app = builder.Build();
var endpoints = new RawProductEndpoints(new RawProductStore(dataSource));
app.MapGet("/health", () => "ok");
app.MapGet("/products/{id:guid}", endpoints.GetAsync);
app.MapGet("/products", endpoints.ListFirstPageAsync);
app.MapPost("/products", endpoints.CreateDurableAsync);
app.MapPost("/products/single", endpoints.CreateSingleInsertAsync);
await app.RunAsync();
