import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Order = typeof import('./order');
let loading: Promise<Order> | undefined;
/** The e-Evidence order screens (order.tsx), loaded the first time an order is on screen: most people never see one. */
export const loadOrder = (): Promise<Order> => {
  loading ??= import('./order');
  return loading;
};

/** A component of order.tsx, rendered once its module has loaded (nothing before). */
function lazy<K extends 'OrderFields' | 'AnnexView' | 'ValidationPanel' | 'AwaitingValidation'>(name: K) {
  return function Lazy(props: ComponentProps<Order[K]>) {
    const [m, setM] = useState<Order>();
    useEffect(() => {
      void loadOrder().then(setM);
    }, []);
    // biome-ignore lint/suspicious/noExplicitAny: one of the module's components, with the props its wrapper took
    const C = m?.[name] as FunctionComponent<any> | undefined;
    return C ? <C {...props} /> : null;
  };
}
export const OrderFields = lazy('OrderFields');
export const AnnexView = lazy('AnnexView');
export const ValidationPanel = lazy('ValidationPanel');
export const AwaitingValidation = lazy('AwaitingValidation');
