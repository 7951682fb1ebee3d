// Runs in the browser (served as is, not compiled). GraphiQL sends the headers tab with queries;
// subscriptions carry the same Authorization in graphql-ws's connection_init, one client per token.
(function () {
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  var fetchers = {};
  function fetcherFor(authorization) {
    if (!fetchers[authorization]) {
      fetchers[authorization] = GraphiQL.createFetcher({
        url: '/graphql',
        subscriptionUrl: wsUrl,
        wsConnectionParams: authorization ? { authorization: authorization } : {},
      });
    }
    return fetchers[authorization];
  }
  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    var authorization = headers.Authorization || headers.authorization || '';
    return fetcherFor(authorization)(params, options);
  }
  var defaultQuery = [
    '# Sign in first: run the login mutation, then put the token in the Headers tab as',
    '# { "Authorization": "Bearer <accessToken>" }',
    'mutation Login {',
    '  login(input: { email: "asha@north-campus.demo", password: "carrel-demo-2026", tenantSlug: "north-campus" }) {',
    '    accessToken',
    '  }',
    '}',
    '',
    'query MyBookings {',
    '  myBookings { nodes { startsAt seat { label } library { name } } }',
    '}',
    '',
  ].join('\n');
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, isHeadersEditorEnabled: true, shouldPersistHeaders: true }),
  );
})();
