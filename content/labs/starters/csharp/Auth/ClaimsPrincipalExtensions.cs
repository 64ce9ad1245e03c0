using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Encore.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    // Safe behind RequireAuthorization: OnTokenValidated (Program.cs)
    // refused any token whose "sub" is not a UUID.
    public static Guid CustomerId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Sub)!);
}
