import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { showServerErrors } from '../../components/form.ts';
import { accessOptions } from './access.ts';
import type { SsoConnection } from './api.ts';

// The fields both protocols' forms share: the email domain, the first sign-in rule, SSO required, and
// the buttons. Each takes the form's own input props (`form.getInputProps('domain')`).

type GetInputPropsReturnType = ReturnType<ReturnType<typeof useForm>['getInputProps']>;

export const DomainField = (props: GetInputPropsReturnType) => (
  <TextInput
    label="Email domain"
    description="People whose email ends with this domain sign in through this provider"
    placeholder="example.com"
    required
    {...props}
  />
);

export const AccessField = (props: GetInputPropsReturnType) => (
  <Select
    label="On first sign-in"
    description="A new person joins with this role, or waits for an invitation"
    allowDeselect={false}
    data={accessOptions}
    {...props}
  />
);

export const SsoRequiredField = (props: GetInputPropsReturnType) => (
  <Checkbox label="SSO required: members of this domain cannot sign in with a password" {...props} />
);

export const FormActions = ({
  saving,
  label,
  onCancel,
}: {
  saving: boolean;
  label: string;
  onCancel: () => void;
}) => (
  <Group>
    <Button type="submit" loading={saving}>
      {label}
    </Button>
    <Button variant="default" onClick={onCancel}>
      Cancel
    </Button>
  </Group>
);

/** Saves a connection: on success a note, the list refreshed and the form closed; else errors by field. */
export function useSaveConnection<V>(
  form: { setErrors: (errors: Record<string, ReactNode>) => void },
  save: (values: V) => Promise<SsoConnection>,
  what: string,
  onDone: () => void,
) {
  const org = useOrg();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (c) => {
      notifications.show({ color: 'teal', message: `${what} for ${c.domain} saved` });
      void invalidate(qc, org.slug, 'sso');
      onDone();
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
}
