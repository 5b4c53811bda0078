# User-defined exception hierarchies.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key):
        Exception.__init__(self, 'bad key', key)
        self.key = key
def load(k):
    if k == 'bad':
        raise ConfigError(k)
    if k == 'app':
        raise AppError('general')
    return 'ok ' + k
for k in ('good', 'bad', 'app'):
    try:
        print(load(k))
    except ConfigError as e:
        print('ConfigError', e.key, e.args)
    except AppError as e:
        print('AppError', e)
print(issubclass(ConfigError, Exception), isinstance(ConfigError('x'), AppError))
