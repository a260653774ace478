global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.DependencyInjection.Extensions;
global using OrleansHealth.Silo.Audit;
