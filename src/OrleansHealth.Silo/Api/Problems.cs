using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansHealth.Silo.Api;

/// <summary>RFC 7807 answers with a message a person can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
