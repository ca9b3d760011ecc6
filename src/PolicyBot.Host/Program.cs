using PolicyBot.Host.Cli;

return await PolicyBotCli.RunAsync(args, Console.Out, Console.Error);
