using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the API or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<QuoinDbContext>
{
    public QuoinDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<QuoinDbContext>()
            .UseNpgsql("Host=127.0.0.1;Port=55432;Database=quoinapi;Username=quoinapi;Password=quoinapi")
            .Options;
        return new QuoinDbContext(options);
    }
}
